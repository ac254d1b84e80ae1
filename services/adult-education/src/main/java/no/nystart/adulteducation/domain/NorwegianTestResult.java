package no.nystart.adulteducation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.adulteducation.NorwegianTestType;
import no.nystart.platform.validation.Violation;

/**
 * A Norwegian test result (integreringsforskriften § 34, docs/domain/adult-education.md#4c): Norskprøve A1–B2 has four
 * sub-tests (reading, listening, writing, oral) and measures up to B2; Norskprøve C1 has two combined
 * sub-tests (reading + oral, listening + writing), so its reading and oral levels are equal, as are
 * listening and writing. A skill not tested is null; at least one skill must be tested.
 */
public record NorwegianTestResult(NorwegianTestType testType, LocalDate testDate, CefrLevel reading, CefrLevel listening,
        CefrLevel writing, CefrLevel oral) {

    public Map<Skill, CefrLevel> levels() {
        Map<Skill, CefrLevel> levels = new EnumMap<>(Skill.class);
        if (reading != null) {
            levels.put(Skill.READING, reading);
        }
        if (listening != null) {
            levels.put(Skill.LISTENING, listening);
        }
        if (writing != null) {
            levels.put(Skill.WRITING, writing);
        }
        if (oral != null) {
            levels.put(Skill.ORAL, oral);
        }
        return levels;
    }

    public List<Violation> violations(LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (testDate.isAfter(today)) {
            violations.add(new Violation("testDate", "date.not-in-future", "the test date " + testDate + " is after today"));
        }
        Map<Skill, CefrLevel> levels = levels();
        if (levels.isEmpty()) {
            violations.add(new Violation("readingLevel", "norwegian-test.at-least-one-skill",
                    "at least one sub-test result is needed (integreringsforskriften § 34)"));
        }
        if (testType == NorwegianTestType.NORSKPROVE_A1_B2) {
            levels.forEach((skill, level) -> {
                if (level == CefrLevel.C1) {
                    violations.add(new Violation(field(skill), "norwegian-test.a1-b2-max-b2",
                            "Norskprøve A1–B2 measures at most B2 (integreringsforskriften § 34)"));
                }
            });
        } else {
            if (reading != oral) {
                violations.add(new Violation("oralLevel", "norwegian-test.c1-combined-subtests",
                        "Norskprøve C1 tests reading and oral together: the levels must be equal (integreringsforskriften § 34)"));
            }
            if (listening != writing) {
                violations.add(new Violation("writingLevel", "norwegian-test.c1-combined-subtests",
                        "Norskprøve C1 tests listening and writing together: the levels must be equal (integreringsforskriften § 34)"));
            }
        }
        return violations;
    }

    public static String field(Skill skill) {
        return switch (skill) {
            case READING -> "readingLevel";
            case LISTENING -> "listeningLevel";
            case WRITING -> "writingLevel";
            case ORAL -> "oralLevel";
        };
    }
}
