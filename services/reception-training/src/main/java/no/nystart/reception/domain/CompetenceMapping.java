package no.nystart.reception.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.nystart.contracts.reception.LanguageSkill;
import no.nystart.contracts.reception.WorkExperience;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;

/**
 * Minimum content of a competence mapping (integreringsloven § 6 with § 10's minimum content, docs/domain/reception.md#1c:
 * språkkunnskaper, utdanning, arbeidserfaring, annen relevant kompetanse).
 */
public final class CompetenceMapping {
    private CompetenceMapping() {
    }

    /**
     * Rules needing context: mapped on or after the permit date ({@code competence-mapping.before-permit}), not in
     * the future; at least one language ({@code integreringsloven-6.languages}), each language once; each
     * STYRK-08 code once; education years not more than a lifetime of schooling (years since age 5).
     */
    public static void check(LocalDate mappedOn, LocalDate permitDate, LocalDate today, LocalDate birthDate,
            List<LanguageSkill> languages, int educationYears, List<WorkExperience> work) {
        List<Violation> violations = new ArrayList<>();
        if (mappedOn.isBefore(permitDate)) {
            violations.add(new Violation("mappedOn", "competence-mapping.before-permit",
                    "the mapping date " + mappedOn + " is before the permit decision on " + permitDate
                            + " (integreringsloven § 6: mapping follows the permit)"));
        }
        if (mappedOn.isAfter(today)) {
            violations.add(new Violation("mappedOn", "date.not-in-future",
                    "the mapping date " + mappedOn + " is after today (" + today + ")"));
        }
        if (languages.isEmpty()) {
            violations.add(new Violation("languages", "integreringsloven-6.languages",
                    "the mapping must record at least one language (minimum content, docs/domain/reception.md#1c)"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < languages.size(); i++) {
            if (!seen.add(languages.get(i).languageCode())) {
                violations.add(new Violation("languages[" + i + "].languageCode", "competence-mapping.duplicate-language",
                        "language " + languages.get(i).languageCode() + " is listed twice"));
            }
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < work.size(); i++) {
            if (!codes.add(work.get(i).styrkCode())) {
                violations.add(new Violation("workExperience[" + i + "].styrkCode", "competence-mapping.duplicate-occupation",
                        "STYRK-08 code " + work.get(i).styrkCode() + " is listed twice"));
            }
        }
        int possibleYears = Math.max(0, mappedOn.getYear() - birthDate.getYear() - 5);
        if (educationYears > possibleYears) {
            violations.add(new Violation("educationYears", "competence-mapping.education-years-plausible",
                    educationYears + " years of education is more than the person's age allows (" + possibleYears + ")"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }
}
