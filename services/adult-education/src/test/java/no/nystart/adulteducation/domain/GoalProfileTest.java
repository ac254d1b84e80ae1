package no.nystart.adulteducation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;
import org.junit.jupiter.api.Test;

class GoalProfileTest {

    @Test
    void domain_4b_goal_by_education_background() {
        assertThat(GoalProfile.forEducation(EducationLevel.NO_COMPLETED_PRIMARY, false))
                .isEqualTo(new GoalProfile(CefrLevel.A2, CefrLevel.A2, CefrLevel.A2, CefrLevel.B1));
        assertThat(GoalProfile.forEducation(EducationLevel.PRIMARY, false))
                .isEqualTo(new GoalProfile(CefrLevel.B1, CefrLevel.B1, CefrLevel.B1, CefrLevel.B1));
        assertThat(GoalProfile.forEducation(EducationLevel.UPPER_SECONDARY, false))
                .isEqualTo(new GoalProfile(CefrLevel.B1, CefrLevel.B1, CefrLevel.B1, CefrLevel.B2));
        assertThat(GoalProfile.forEducation(EducationLevel.HIGHER, false))
                .isEqualTo(new GoalProfile(CefrLevel.B1, CefrLevel.B1, CefrLevel.B1, CefrLevel.B2));
        assertThat(GoalProfile.forEducation(EducationLevel.UPPER_SECONDARY, true))
                .isEqualTo(new GoalProfile(CefrLevel.B2, CefrLevel.B2, CefrLevel.B2, CefrLevel.B2));
    }

    @Test
    void domain_4b_documented_B2_need_only_with_upper_secondary_education() {
        assertThatThrownBy(() -> GoalProfile.forEducation(EducationLevel.PRIMARY, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void domain_4c_CEFR_order_below_A1_to_C1() {
        assertThat(GoalProfile.atLeast(CefrLevel.B1, CefrLevel.B1)).isTrue();
        assertThat(GoalProfile.atLeast(CefrLevel.C1, CefrLevel.B2)).isTrue();
        assertThat(GoalProfile.atLeast(CefrLevel.A2, CefrLevel.B1)).isFalse();
        assertThat(GoalProfile.atLeast(CefrLevel.BELOW_A1, CefrLevel.A1)).isFalse();
        assertThat(GoalProfile.atLeast(null, CefrLevel.A1)).isFalse();
    }

    private static Map<Skill, CefrLevel> levels(CefrLevel r, CefrLevel l, CefrLevel w, CefrLevel o) {
        Map<Skill, CefrLevel> m = new EnumMap<>(Skill.class);
        m.put(Skill.READING, r);
        m.put(Skill.LISTENING, l);
        m.put(Skill.WRITING, w);
        m.put(Skill.ORAL, o);
        return m;
    }

    @Test
    void domain_4b_goal_is_met_only_when_the_last_skill_reaches_its_level() {
        GoalProfile vgo = GoalProfile.forEducation(EducationLevel.UPPER_SECONDARY, false);
        assertThat(vgo.isMetBy(levels(CefrLevel.B1, CefrLevel.B2, CefrLevel.C1, CefrLevel.B1))).isFalse();
        assertThat(vgo.isMetBy(levels(CefrLevel.B1, CefrLevel.B2, CefrLevel.C1, CefrLevel.B2))).isTrue();
        assertThat(vgo.isMetBy(levels(CefrLevel.B1, CefrLevel.B1, null, CefrLevel.B2))).isFalse();
    }

    @Test
    void domain_4c_best_level_per_skill_over_several_tests_counts() {
        Map<Skill, CefrLevel> best = GoalProfile.best(List.of(
                levels(CefrLevel.B1, CefrLevel.A2, null, CefrLevel.A2),
                levels(CefrLevel.A2, CefrLevel.B1, CefrLevel.B1, null),
                levels(null, null, null, CefrLevel.B1)));
        assertThat(best).containsEntry(Skill.READING, CefrLevel.B1).containsEntry(Skill.LISTENING, CefrLevel.B1)
                .containsEntry(Skill.WRITING, CefrLevel.B1).containsEntry(Skill.ORAL, CefrLevel.B1);
        assertThat(GoalProfile.forEducation(EducationLevel.PRIMARY, false).isMetBy(best)).isTrue();
    }
}
