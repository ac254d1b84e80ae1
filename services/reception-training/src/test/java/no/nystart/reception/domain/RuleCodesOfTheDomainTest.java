package no.nystart.reception.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.Sex;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.LanguageProficiency;
import no.nystart.contracts.reception.LanguageSkill;
import no.nystart.contracts.reception.WorkExperience;
import no.nystart.platform.validation.RuleViolationException;
import org.junit.jupiter.api.Test;

/**
 * Domain rules of reception whose codes no other test names (docs/rules.md lists this test for them): the case
 * just inside passes, the case just outside answers the code on the right field.
 */
class RuleCodesOfTheDomainTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/Oslo")).toInstant(), ZoneId.of("Europe/Oslo"));
    private static final List<LanguageSkill> TIGRINYA = List.of(new LanguageSkill("tir", LanguageProficiency.NATIVE));

    private static List<String> broken(Runnable check) {
        RuleViolationException e = catchThrowableOfType(RuleViolationException.class, check::run);
        return e == null ? List.of() : e.violations().stream().map(v -> v.field() + " " + v.rule()).toList();
    }

    private static Arrival arrival(LocalDate birthDate, LocalDate registeredOn) {
        return new Arrival("202358697561", "Test", "Person", birthDate, Sex.FEMALE, "ERI", UUID.randomUUID(), registeredOn,
                UUID.randomUUID(), AsylumProcedure.NORMAL);
    }

    @Test
    void birth_date_before_registration_a_birth_after_the_registration_date_is_refused() {
        assertThat(broken(() -> arrival(TODAY, TODAY).checkRules(TODAY, CLOCK))).isEmpty();
        assertThat(broken(() -> arrival(TODAY, TODAY.minusDays(1)).checkRules(TODAY, CLOCK)))
                .containsExactly("birthDate birth-date.before-registration");
    }

    @Test
    void competence_mapping_each_language_and_occupation_once_and_plausible_education_years() {
        LocalDate permit = LocalDate.of(2025, 5, 1);
        LocalDate born = LocalDate.of(2000, 1, 1); // mapped 2025: at most 2025 - 2000 - 5 = 20 years of education
        List<WorkExperience> work = List.of(new WorkExperience("5120", 3), new WorkExperience("7212", 1));
        assertThat(broken(() -> CompetenceMapping.check(TODAY, permit, TODAY, born, TIGRINYA, 20, work))).isEmpty();
        assertThat(broken(() -> CompetenceMapping.check(TODAY, permit, TODAY, born,
                List.of(new LanguageSkill("tir", LanguageProficiency.NATIVE), new LanguageSkill("tir", LanguageProficiency.GOOD)),
                21, List.of(new WorkExperience("5120", 3), new WorkExperience("5120", 1)))))
                .containsExactly("languages[1].languageCode competence-mapping.duplicate-language",
                        "workExperience[1].styrkCode competence-mapping.duplicate-occupation",
                        "educationYears competence-mapping.education-years-plausible");
    }
}
