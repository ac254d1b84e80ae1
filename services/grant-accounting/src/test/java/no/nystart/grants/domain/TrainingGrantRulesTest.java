package no.nystart.grants.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import no.nystart.contracts.Regime;
import no.nystart.contracts.adulteducation.Entitlement;
import no.nystart.contracts.grants.GrantCode;
import no.nystart.contracts.reception.AsylumProcedure;
import org.junit.jupiter.api.Test;

/** The training-grant rules of docs/domain/grants.md#5f and docs/domain/reception.md#1d/docs/domain/grants.md#5g, without a container. */
class TrainingGrantRulesTest {
    private static final GrantRules RULES = GrantRules.defaults();
    private static final TrainingGrantRules TRAINING = TrainingGrantRules.defaults();

    private static List<String> lines(List<ClaimLine> claims) {
        return claims.stream().map(c -> c.grantCode() + "|" + c.grantYear() + "|" + c.term().budgetYear() + "|"
                + c.term().quarter()).toList();
    }

    @Test
    void domain_5f_right_and_duty_gives_three_years_of_the_person_grant_from_the_year_the_right_was_established() {
        NorwegianTrainingGrant.Decision d = NorwegianTrainingGrant.decide(Entitlement.RIGHT_AND_DUTY, Regime.INTEGRERINGSLOVEN);
        assertThat(d.scheme()).contains(NorwegianTrainingGrant.Scheme.PERSON_GRANT);
        assertThat(d.exclusionReason()).isEmpty();
        // established 10 May 2031: year 1 in the first term on/after the date (Q2, cut-off 1 July), years 2-3 in Q1
        assertThat(lines(NorwegianTrainingGrant.claims(d.scheme().get(), LocalDate.of(2031, 5, 10), RateGroup.HIGH, RULES, TRAINING)))
                .containsExactly("P_AR1_H|2031|2031|2", "P_AR2_H|2032|2032|1", "P_AR3_H|2033|2033|1");
        assertThat(lines(NorwegianTrainingGrant.claims(d.scheme().get(), LocalDate.of(2031, 5, 10), RateGroup.LOW, RULES, TRAINING)))
                .containsExactly("P_AR1_L|2031|2031|2", "P_AR2_L|2032|2032|1", "P_AR3_L|2033|2033|1");
        // the same under the Introduction Act (persons under the transition rules)
        assertThat(NorwegianTrainingGrant.decide(Entitlement.RIGHT_AND_DUTY, Regime.INTRODUKSJONSLOVEN).scheme())
                .contains(NorwegianTrainingGrant.Scheme.PERSON_GRANT);
    }

    @Test
    void domain_5f_a_right_established_after_the_Q4_cutoff_is_paid_in_Q1_of_the_next_budget_year_with_its_own_years_rate() {
        assertThat(lines(NorwegianTrainingGrant.claims(NorwegianTrainingGrant.Scheme.PERSON_GRANT, LocalDate.of(2031, 12, 20),
                RateGroup.HIGH, RULES, TRAINING)))
                .containsExactly("P_AR1_H|2031|2032|1", "P_AR2_H|2032|2032|1", "P_AR3_H|2033|2033|1");
    }

    @Test
    void domain_5f_duty_only_under_section_28_gives_no_person_grant_and_says_why() {
        NorwegianTrainingGrant.Decision d = NorwegianTrainingGrant.decide(Entitlement.DUTY_ONLY, Regime.INTEGRERINGSLOVEN);
        assertThat(d.scheme()).isEmpty();
        assertThat(d.exclusionReason()).hasValueSatisfying(r -> assertThat(r).contains("§ 28").contains("§ 27").contains("5f"));
    }

    @Test
    void domain_5f_collective_protection_right_only_gives_the_one_year_section_37d_grant() {
        NorwegianTrainingGrant.Decision d = NorwegianTrainingGrant.decide(Entitlement.RIGHT_ONLY, Regime.KAP_6A);
        assertThat(d.scheme()).contains(NorwegianTrainingGrant.Scheme.COLLECTIVE_PROTECTION);
        assertThat(lines(NorwegianTrainingGrant.claims(d.scheme().get(), LocalDate.of(2031, 2, 1), RateGroup.HIGH, RULES, TRAINING)))
                .containsExactly("P37D_AR1|2031|2031|1");
        assertThat(NorwegianTrainingGrant.decide(Entitlement.RIGHT_ONLY, Regime.INTEGRERINGSLOVEN).scheme()).isEmpty();
    }

    @Test
    void domain_5a_person_grant_codes_by_training_year_and_rate_group() {
        assertThat(NorwegianTrainingGrant.code(2, RateGroup.LOW)).isEqualTo(GrantCode.P_AR2_L);
        assertThat(NorwegianTrainingGrant.code(3, RateGroup.HIGH)).isEqualTo(GrantCode.P_AR3_H);
        assertThatThrownBy(() -> NorwegianTrainingGrant.code(4, RateGroup.HIGH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void domain_1b_integreringsloven_5_training_duty_from_18_and_not_in_fast_track_Dublin_or_collective_protection() {
        LocalDate registered = LocalDate.of(2031, 2, 10);
        assertThat(ReceptionGrants.noTrainingDutyReason(LocalDate.of(2013, 2, 10), registered, AsylumProcedure.NORMAL)).isEmpty();
        assertThat(ReceptionGrants.noTrainingDutyReason(LocalDate.of(2013, 2, 11), registered, AsylumProcedure.NORMAL))
                .hasValueSatisfying(r -> assertThat(r).contains("integreringsloven § 5").contains("aged 17"));
        assertThat(ReceptionGrants.noTrainingDutyReason(LocalDate.of(1990, 1, 1), registered, AsylumProcedure.FAST_TRACK))
                .hasValueSatisfying(r -> assertThat(r).contains("fast-track"));
        assertThat(ReceptionGrants.noTrainingDutyReason(LocalDate.of(1990, 1, 1), registered, AsylumProcedure.DUBLIN))
                .hasValueSatisfying(r -> assertThat(r).contains("Dublin"));
        assertThat(ReceptionGrants.noTrainingDutyReason(LocalDate.of(1990, 1, 1), registered, AsylumProcedure.COLLECTIVE_PROTECTION))
                .hasValueSatisfying(r -> assertThat(r).contains("§ 37 a"));
    }

    @Test
    void domain_1a_introduksjonsloven_20a_training_duty_from_16_from_2018_09_01_and_voluntary_before() {
        assertThat(ReceptionGrants.noTrainingDutyReason(LocalDate.of(2003, 3, 1), LocalDate.of(2019, 3, 1), AsylumProcedure.NORMAL)).isEmpty();
        assertThat(ReceptionGrants.noTrainingDutyReason(LocalDate.of(2003, 3, 2), LocalDate.of(2019, 3, 1), AsylumProcedure.NORMAL))
                .hasValueSatisfying(r -> assertThat(r).contains("§ 20 a").contains("aged 15"));
        assertThat(ReceptionGrants.noTrainingDutyReason(LocalDate.of(1980, 1, 1), LocalDate.of(2018, 8, 31), AsylumProcedure.NORMAL))
                .hasValueSatisfying(r -> assertThat(r).contains("voluntary"));
        assertThat(ReceptionGrants.noTrainingDutyReason(LocalDate.of(1980, 1, 1), LocalDate.of(2018, 9, 1), AsylumProcedure.NORMAL)).isEmpty();
    }

    @Test
    void domain_1d_reception_training_grant_paid_earliest_in_the_quarter_after_registration_with_the_registration_years_rate() {
        assertThat(lines(List.of(ReceptionGrants.trainingGrant(LocalDate.of(2031, 2, 10), RULES))))
                .containsExactly("RECEPTION_TRAINING|2031|2031|1");   // next quarter from 1 April: the early-April term
        assertThat(lines(List.of(ReceptionGrants.trainingGrant(LocalDate.of(2031, 4, 1), RULES))))
                .containsExactly("RECEPTION_TRAINING|2031|2031|2");   // next quarter from 1 July
        assertThat(lines(List.of(ReceptionGrants.trainingGrant(LocalDate.of(2031, 12, 31), RULES))))
                .containsExactly("RECEPTION_TRAINING|2031|2032|1");   // next quarter from 1 January 2032
        assertThat(lines(List.of(ReceptionGrants.trainingGrant(LocalDate.of(2031, 10, 1), RULES))))
                .containsExactly("RECEPTION_TRAINING|2031|2032|1");
    }

    @Test
    void domain_1d_competence_mapping_grant_paid_in_December_when_mapped_before_1_December_else_the_next_December() {
        assertThat(lines(List.of(ReceptionGrants.competenceMappingGrant(LocalDate.of(2031, 11, 30), TRAINING))))
                .containsExactly("COMPETENCE_MAPPING|2031|2031|4");
        assertThat(lines(List.of(ReceptionGrants.competenceMappingGrant(LocalDate.of(2031, 12, 1), TRAINING))))
                .containsExactly("COMPETENCE_MAPPING|2032|2032|4");
        assertThat(ReceptionGrants.noCompetenceMappingGrantReason(AsylumProcedure.COLLECTIVE_PROTECTION))
                .hasValueSatisfying(r -> assertThat(r).contains("1d"));
        assertThat(ReceptionGrants.noCompetenceMappingGrantReason(null)).isEmpty();
        assertThat(ReceptionGrants.noCompetenceMappingGrantReason(AsylumProcedure.NORMAL)).isEmpty();
    }

    @Test
    void training_rules_refuse_impossible_quarters() {
        assertThatThrownBy(() -> new TrainingGrantRules(RateGroup.HIGH, 5, MonthDay.of(12, 1), 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void domain_5f_section_27_person_grant_only_for_ages_18_to_67_on_the_date_the_right_is_established() {
        LocalDate established = LocalDate.of(2031, 6, 1);
        // born 2 June 1963: 67 on 1 June 2031 (68 the next day) - within; born 1 June 1963: 68 that day - outside
        assertThat(NorwegianTrainingGrant.ageExclusion(LocalDate.of(1963, 6, 2), established)).isEmpty();
        assertThat(NorwegianTrainingGrant.ageExclusion(LocalDate.of(1963, 6, 1), established))
                .hasValueSatisfying(r -> assertThat(r).contains("docs/domain/grants.md#5f").contains("§ 27").contains("was 68"));
        // born 1 June 2013: 18 that day - within; born 2 June 2013: 17 - outside
        assertThat(NorwegianTrainingGrant.ageExclusion(LocalDate.of(2013, 6, 1), established)).isEmpty();
        assertThat(NorwegianTrainingGrant.ageExclusion(LocalDate.of(2013, 6, 2), established))
                .hasValueSatisfying(r -> assertThat(r).contains("was 17"));
    }
}
