package no.nystart.adulteducation.domain;

import java.util.EnumMap;
import java.util.Map;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;

/**
 * The Norwegian goal (norskmål) per skill by education background (docs/domain/adult-education.md#4b, integreringsloven
 * kap. 6 guidance): no completed primary → A2 reading/listening/writing, B1 oral; completed primary
 * → B1 in all; upper secondary or higher → B1, B2 oral; upper secondary with a documented need for
 * B2 → B2 in all.
 */
public record GoalProfile(CefrLevel reading, CefrLevel listening, CefrLevel writing, CefrLevel oral) {

    public static GoalProfile forEducation(EducationLevel level, boolean documentedB2Need) {
        if (documentedB2Need && !TrainingDeadline.hasUpperSecondary(level)) {
            throw new IllegalArgumentException("a documented B2 need raises the goal only with upper-secondary education");
        }
        return switch (level) {
            case NO_COMPLETED_PRIMARY -> new GoalProfile(CefrLevel.A2, CefrLevel.A2, CefrLevel.A2, CefrLevel.B1);
            case PRIMARY -> new GoalProfile(CefrLevel.B1, CefrLevel.B1, CefrLevel.B1, CefrLevel.B1);
            case UPPER_SECONDARY, HIGHER -> documentedB2Need
                    ? new GoalProfile(CefrLevel.B2, CefrLevel.B2, CefrLevel.B2, CefrLevel.B2)
                    : new GoalProfile(CefrLevel.B1, CefrLevel.B1, CefrLevel.B1, CefrLevel.B2);
        };
    }

    public CefrLevel goal(Skill skill) {
        return switch (skill) {
            case READING -> reading;
            case LISTENING -> listening;
            case WRITING -> writing;
            case ORAL -> oral;
        };
    }

    /** Is {@code reached} at or above {@code goal}? CEFR order: BELOW_A1 < A1 < A2 < B1 < B2 < C1. */
    public static boolean atLeast(CefrLevel reached, CefrLevel goal) {
        return reached != null && reached.compareTo(goal) >= 0;
    }

    /** Goal met when every skill's best level reached is at or above the goal for that skill. */
    public boolean isMetBy(Map<Skill, CefrLevel> bestLevels) {
        for (Skill skill : Skill.values()) {
            if (!atLeast(bestLevels.get(skill), goal(skill))) {
                return false;
            }
        }
        return true;
    }

    /** The best level per skill over several results (null entries are skills not tested). */
    public static Map<Skill, CefrLevel> best(Iterable<Map<Skill, CefrLevel>> results) {
        Map<Skill, CefrLevel> best = new EnumMap<>(Skill.class);
        for (Map<Skill, CefrLevel> result : results) {
            result.forEach((skill, level) -> {
                if (level != null && (best.get(skill) == null || level.compareTo(best.get(skill)) > 0)) {
                    best.put(skill, level);
                }
            });
        }
        return best;
    }
}
