package no.nystart.adulteducation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.adulteducation.Entitlement;
import org.junit.jupiter.api.Test;

class TrainingDeadlineTest {
    private static final LocalDate START = LocalDate.of(2025, 3, 10);
    private static final LocalDate BORN = LocalDate.of(1990, 1, 1);

    @Test
    void domain_4b_three_years_without_upper_secondary_education() {
        assertThat(TrainingDeadline.withoutLeave(Entitlement.RIGHT_AND_DUTY, EducationLevel.PRIMARY, START, BORN))
                .isEqualTo(LocalDate.of(2028, 3, 9));
        assertThat(TrainingDeadline.withoutLeave(Entitlement.RIGHT_AND_DUTY, EducationLevel.NO_COMPLETED_PRIMARY, START, BORN))
                .isEqualTo(LocalDate.of(2028, 3, 9));
    }

    @Test
    void domain_4b_eighteen_months_with_upper_secondary_or_higher_education() {
        assertThat(TrainingDeadline.withoutLeave(Entitlement.RIGHT_AND_DUTY, EducationLevel.UPPER_SECONDARY, START, BORN))
                .isEqualTo(LocalDate.of(2026, 9, 9));
        assertThat(TrainingDeadline.withoutLeave(Entitlement.DUTY_ONLY, EducationLevel.HIGHER, START, BORN))
                .isEqualTo(LocalDate.of(2026, 9, 9));
    }

    @Test
    void integreringsloven_37d_collective_protection_twelve_months_whatever_the_education() {
        assertThat(TrainingDeadline.withoutLeave(Entitlement.RIGHT_ONLY, EducationLevel.PRIMARY, START, BORN))
                .isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(TrainingDeadline.withoutLeave(Entitlement.RIGHT_ONLY, EducationLevel.HIGHER, START, BORN))
                .isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void domain_4b_approved_leave_extends_the_deadline_day_for_day() {
        assertThat(TrainingDeadline.withLeave(Entitlement.RIGHT_AND_DUTY, EducationLevel.PRIMARY, START, BORN, 30))
                .isEqualTo(LocalDate.of(2028, 4, 8));
        assertThatThrownBy(() -> TrainingDeadline.withLeave(Entitlement.RIGHT_AND_DUTY, EducationLevel.PRIMARY, START, BORN, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integreringsloven_27_right_ends_at_67_so_the_deadline_is_at_latest_the_day_before_the_67th_birthday() {
        LocalDate born = LocalDate.of(1960, 1, 1); // 65 at START; turns 67 on 2027-01-01
        assertThat(TrainingDeadline.withoutLeave(Entitlement.RIGHT_AND_DUTY, EducationLevel.PRIMARY, START, born))
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(TrainingDeadline.withLeave(Entitlement.RIGHT_AND_DUTY, EducationLevel.PRIMARY, START, born, 400))
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }
}
