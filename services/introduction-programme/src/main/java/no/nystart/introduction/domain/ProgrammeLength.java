package no.nystart.introduction.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.platform.validation.Violation;

/**
 * The § 12 decision's dates and the § 13 length rules (docs/domain/introduction-programme.md#3a, 3b). A programme of n months
 * runs from the start date up to and including the day before the same date n months later, so
 * 3 months from 2025-03-10 is 2025-03-10 … 2025-06-09.
 */
public final class ProgrammeLength {
    private ProgrammeLength() {
    }

    /** The facts of a § 12 decision that the rules check. */
    public record Decision(LocalDate startDate, LocalDate plannedEndDate, EducationLevel educationLevel, FinalGoal finalGoal,
            String lateStartReason, String extensionJustification) {
    }

    /** The limits that apply to one decision, for the response and the docs. */
    public record Limits(LocalDate earliestEnd, LocalDate latestEndWithoutExtension, LocalDate latestEndWithExtension,
            int maxMonths, int extensionMonths, String maxRule) {
    }

    public static boolean hasUpperSecondary(EducationLevel level) {
        return level == EducationLevel.UPPER_SECONDARY || level == EducationLevel.HIGHER;
    }

    /** § 13 (docs/domain/introduction-programme.md#3b): the minimum and maximum lengths for this background and sluttmål. */
    public static Limits limits(ProgrammeRuleSet rules, Decision d) {
        int max;
        int extension;
        String rule;
        if (hasUpperSecondary(d.educationLevel())) {
            max = rules.maxMonthsUpperSecondaryBackground();
            extension = rules.extensionMonthsUpperSecondaryBackground();
            rule = "integreringsloven-13.max-length.upper-secondary-background";
        } else if (d.finalGoal() == FinalGoal.UPPER_SECONDARY_COMPLETED) {
            max = rules.maxMonthsUpperSecondaryGoal();
            extension = rules.extensionMonths();
            rule = "integreringsloven-13.max-length.upper-secondary-goal";
        } else {
            max = rules.maxMonthsOther();
            extension = rules.extensionMonths();
            rule = "integreringsloven-13.max-length";
        }
        LocalDate start = d.startDate();
        return new Limits(start.plusMonths(rules.minMonths()).minusDays(1), start.plusMonths(max).minusDays(1),
                start.plusMonths(max + extension).minusDays(1), max, extension, rule);
    }

    /**
     * Checks a § 12 decision: start on or after settlement; start at the latest on the deadline
     * (settlement + 3 months, § 12) unless a late-start reason is recorded; minimum length 3 months and
     * maximum by § 13; beyond the maximum only with an extension justified by the sluttmål being
     * reachable (§ 13 (5)) and never beyond maximum + extension.
     */
    public static List<Violation> check(ProgrammeRuleSet rules, Decision d, LocalDate settledOn, LocalDate startDeadline) {
        List<Violation> v = new ArrayList<>();
        if (settledOn != null && d.startDate().isBefore(settledOn)) {
            v.add(new Violation("startDate", "integreringsloven-12.start-after-settlement",
                    "the programme cannot start before the settlement date " + settledOn));
        }
        if (startDeadline != null && d.startDate().isAfter(startDeadline) && blank(d.lateStartReason())) {
            v.add(new Violation("lateStartReason", "integreringsloven-12.start-deadline",
                    "the start date is after the deadline " + startDeadline + " (settlement + 3 months); record why"));
        }
        if (d.plannedEndDate().isBefore(d.startDate())) {
            v.add(new Violation("plannedEndDate", "programme.end-after-start", "the planned end is before the start"));
            return v;
        }
        Limits limits = limits(rules, d);
        if (d.plannedEndDate().isBefore(limits.earliestEnd())) {
            v.add(new Violation("plannedEndDate", "integreringsloven-13.min-length",
                    "the programme must last at least " + rules.minMonths() + " months (end on or after " + limits.earliestEnd() + ")"));
        }
        if (d.plannedEndDate().isAfter(limits.latestEndWithoutExtension())) {
            if (limits.extensionMonths() == 0 || d.plannedEndDate().isAfter(limits.latestEndWithExtension())) {
                v.add(new Violation("plannedEndDate", limits.maxRule(),
                        "the programme may last at most " + limits.maxMonths() + " months"
                                + (limits.extensionMonths() > 0 ? " + " + limits.extensionMonths() + " months extension" : "")
                                + " (end on or before " + limits.latestEndWithExtension() + ")"));
            } else if (blank(d.extensionJustification())) {
                v.add(new Violation("extensionJustification", "integreringsloven-13.extension-justification",
                        "an end after " + limits.latestEndWithoutExtension()
                                + " is an extension and needs a justification that the sluttmål is reachable with it"));
            }
        }
        return v;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
