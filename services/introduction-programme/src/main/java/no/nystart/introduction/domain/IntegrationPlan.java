package no.nystart.introduction.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.Regime;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.platform.validation.Violation;

/**
 * The integration plan and contract (integreringsloven §§ 15–16, docs/domain/introduction-programme.md#3d) and the mandatory
 * content (docs/domain/introduction-programme.md#3c).
 */
public final class IntegrationPlan {
    /** The four Norwegian skills a goal is set for. */
    public static final List<String> SKILLS = List.of("reading", "listening", "writing", "oral");

    private IntegrationPlan() {
    }

    public record Plan(FinalGoal finalGoal, Map<String, CefrLevel> norwegianGoal, Set<ContentElement> elements,
            boolean hasChildUnder18, String longTermGoal, String mutualObligations) {
    }

    /**
     * § 15: the plan sets sluttmål and the Norwegian goal; § 16: the contract states the long-term goal and
     * the mutual obligations. Mandatory content (docs/domain/introduction-programme.md#3c): Norwegian and social studies and a work- or
     * education-oriented element for everyone; for participants under integreringsloven (new obligatory
     * elements for those starting after 1 January 2021) and kap. 6A also "Livsmestring i et nytt land"
     * (forskrift § 2) and parental guidance when they have a child under 18 (forskrift § 3).
     */
    public static List<Violation> check(Plan plan, Regime regime) {
        List<Violation> v = new ArrayList<>();
        for (String skill : SKILLS) {
            if (plan.norwegianGoal() == null || plan.norwegianGoal().get(skill) == null) {
                v.add(new Violation("norwegianGoal." + skill, "integreringsloven-15.norwegian-goal",
                        "the plan sets a Norwegian goal (CEFR level) for " + skill));
            }
        }
        if (plan.norwegianGoal() != null) {
            for (String skill : plan.norwegianGoal().keySet()) {
                if (!SKILLS.contains(skill)) {
                    v.add(new Violation("norwegianGoal." + skill, "integreringsloven-15.norwegian-goal",
                            "unknown skill; use " + SKILLS));
                }
            }
        }
        Set<ContentElement> e = plan.elements();
        if (!e.contains(ContentElement.NORWEGIAN_AND_SOCIAL_STUDIES)) {
            v.add(new Violation("elements", "mandatory-content.norwegian-and-social-studies",
                    "the plan must contain Norwegian and social studies"));
        }
        if (!e.contains(ContentElement.WORK_ORIENTED) && !e.contains(ContentElement.EDUCATION_ORIENTED)) {
            v.add(new Violation("elements", "mandatory-content.work-or-education",
                    "the plan must contain a work- or education-oriented element"));
        }
        if (regime != Regime.INTRODUKSJONSLOVEN) {
            if (!e.contains(ContentElement.LIFE_SKILLS_IN_A_NEW_COUNTRY)) {
                v.add(new Violation("elements", "integreringsforskriften-2.mandatory.life-skills",
                        "the plan must contain \"Livsmestring i et nytt land\""));
            }
            if (plan.hasChildUnder18() && !e.contains(ContentElement.PARENTAL_GUIDANCE)) {
                v.add(new Violation("elements", "integreringsforskriften-3.mandatory.parental-guidance",
                        "a participant with a child under 18 must have parental guidance"));
            }
        }
        if (ProgrammeLength.blank(plan.longTermGoal())) {
            v.add(new Violation("longTermGoal", "integreringsloven-16.long-term-goal",
                    "the contract states the participant's long-term goal"));
        }
        if (ProgrammeLength.blank(plan.mutualObligations())) {
            v.add(new Violation("mutualObligations", "integreringsloven-16.mutual-obligations",
                    "the contract states the mutual obligations of municipality and participant"));
        }
        return v;
    }
}
