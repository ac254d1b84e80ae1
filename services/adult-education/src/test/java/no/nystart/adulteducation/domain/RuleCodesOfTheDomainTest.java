package no.nystart.adulteducation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import no.nystart.platform.validation.Violation;
import org.junit.jupiter.api.Test;

/** Domain rules of adult education whose codes no other test names (docs/rules.md lists this test for them). */
class RuleCodesOfTheDomainTest {

    @Test
    void hours_scale_at_most_two_decimals_per_course_and_date() {
        LocalDate day = LocalDate.of(2025, 9, 1);
        assertThat(TrainingHours.check(new BigDecimal("2.25"), day, day, day)).isEmpty();
        assertThat(TrainingHours.check(new BigDecimal("2.125"), day, day, day))
                .extracting(v -> v.field() + " " + v.rule()).containsExactly("hours hours.scale");
    }
}
