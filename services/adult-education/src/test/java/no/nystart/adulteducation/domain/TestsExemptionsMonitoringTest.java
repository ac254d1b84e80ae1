package no.nystart.adulteducation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.adulteducation.CourseType;
import no.nystart.contracts.adulteducation.NorwegianTestType;
import no.nystart.platform.validation.Violation;
import org.junit.jupiter.api.Test;

class TestsExemptionsMonitoringTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 11, 3);

    @Test
    void integreringsforskriften_34_A1_B2_test_measures_at_most_B2() {
        assertThat(new NorwegianTestResult(NorwegianTestType.NORSKPROVE_A1_B2, TODAY, CefrLevel.B2, CefrLevel.B1, null, null)
                .violations(TODAY)).isEmpty();
        assertThat(new NorwegianTestResult(NorwegianTestType.NORSKPROVE_A1_B2, TODAY, CefrLevel.C1, null, null, null)
                .violations(TODAY)).extracting(Violation::rule).containsExactly("norwegian-test.a1-b2-max-b2");
    }

    @Test
    void integreringsforskriften_34_C1_test_has_two_combined_subtests() {
        assertThat(new NorwegianTestResult(NorwegianTestType.NORSKPROVE_C1, TODAY, CefrLevel.C1, CefrLevel.B2, CefrLevel.B2,
                CefrLevel.C1).violations(TODAY)).isEmpty();
        assertThat(new NorwegianTestResult(NorwegianTestType.NORSKPROVE_C1, TODAY, CefrLevel.C1, CefrLevel.B2, CefrLevel.C1,
                CefrLevel.B2).violations(TODAY)).extracting(Violation::field).containsExactly("oralLevel", "writingLevel");
    }

    @Test
    void integreringsforskriften_34_at_least_one_subtest_and_not_in_the_future() {
        assertThat(new NorwegianTestResult(NorwegianTestType.NORSKPROVE_A1_B2, TODAY.plusDays(1), null, null, null, null)
                .violations(TODAY)).extracting(Violation::rule)
                .containsExactly("date.not-in-future", "norwegian-test.at-least-one-skill");
    }

    @Test
    void integreringsloven_29_exemption_basis_must_fit_course_and_documentation() {
        assertThat(Exemptions.check(CourseType.NORWEGIAN, ExemptionBasis.DOCUMENTED_NORWEGIAN_OR_SAMI_SKILLS,
                ExemptionDocumentation.NORWEGIAN_TEST_B1_ALL_SKILLS)).isEmpty();
        assertThat(Exemptions.check(CourseType.SOCIAL_STUDIES, ExemptionBasis.DOCUMENTED_SOCIAL_STUDIES_KNOWLEDGE,
                ExemptionDocumentation.SOCIAL_STUDIES_DOCUMENTATION)).isEmpty();
        assertThat(Exemptions.check(CourseType.SOCIAL_STUDIES, ExemptionBasis.HEALTH_OR_OTHER_WEIGHTY_REASONS,
                ExemptionDocumentation.MEDICAL_CERTIFICATE)).isEmpty();
        assertThat(Exemptions.check(CourseType.SOCIAL_STUDIES, ExemptionBasis.DOCUMENTED_NORWEGIAN_OR_SAMI_SKILLS,
                ExemptionDocumentation.PRIMARY_SCHOOL_GRADE)).extracting(Violation::rule)
                .containsExactly("integreringsloven-29.basis-fits-course");
        assertThat(Exemptions.check(CourseType.NORWEGIAN, ExemptionBasis.HEALTH_OR_OTHER_WEIGHTY_REASONS,
                ExemptionDocumentation.UPPER_SECONDARY_GRADE)).extracting(Violation::rule)
                .containsExactly("integreringsloven-29.documentation-fits-basis");
        assertThat(Exemptions.check(CourseType.PRIMARY_FOR_ADULTS, ExemptionBasis.HEALTH_OR_OTHER_WEIGHTY_REASONS,
                ExemptionDocumentation.MEDICAL_CERTIFICATE)).extracting(Violation::rule)
                .containsExactly("integreringsloven-29.course");
    }

    @Test
    void close_to_deadline_within_90_days_without_the_goal() {
        LocalDate deadline = TODAY.plusDays(90);
        assertThat(Monitoring.closeToDeadline(deadline, false, TODAY, 90)).isTrue();
        assertThat(Monitoring.closeToDeadline(deadline.plusDays(1), false, TODAY, 90)).isFalse();
        assertThat(Monitoring.closeToDeadline(deadline, true, TODAY, 90)).isFalse();
        assertThat(Monitoring.closeToDeadline(TODAY, false, TODAY, 90)).isTrue();
        assertThat(Monitoring.closeToDeadline(TODAY.minusDays(1), false, TODAY, 90)).isFalse();
    }

    @Test
    void domain_4b_NIR_measure_start_within_three_months_of_settlement() {
        LocalDate settled = LocalDate.of(2025, 6, 2);
        assertThat(Monitoring.startedWithin(settled, LocalDate.of(2025, 9, 2), TODAY, 3)).isTrue();
        assertThat(Monitoring.startedWithin(settled, LocalDate.of(2025, 9, 3), TODAY, 3)).isFalse();
        assertThat(Monitoring.startedWithin(settled, null, TODAY, 3)).isFalse();
        assertThat(Monitoring.startedWithin(settled, null, LocalDate.of(2025, 8, 1), 3)).isNull();
    }
}
