package no.nystart.adulteducation.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.nystart.contracts.adulteducation.CourseType;
import no.nystart.platform.validation.Violation;

/**
 * Exemptions (integreringsloven § 29, docs/domain/adult-education.md#4d): only from Norwegian or social studies; the basis
 * must fit the course (documented Norwegian/Sami skills → Norwegian; documented social-studies
 * knowledge → social studies; health or other weighty reasons → either) and the documentation must
 * fit the basis. An exempt course cannot be enrolled in.
 */
public final class Exemptions {
    private static final Set<ExemptionDocumentation> NORWEGIAN_SKILL_DOCUMENTS = EnumSet.of(
            ExemptionDocumentation.NORWEGIAN_TEST_B1_ALL_SKILLS, ExemptionDocumentation.NORWEGIAN_TEST_B1_WRITTEN_AND_ORAL,
            ExemptionDocumentation.PRIMARY_SCHOOL_GRADE, ExemptionDocumentation.UPPER_SECONDARY_GRADE,
            ExemptionDocumentation.APPROVED_PRIOR_LEARNING);
    private static final Set<ExemptionDocumentation> WEIGHTY_REASON_DOCUMENTS = EnumSet.of(
            ExemptionDocumentation.MEDICAL_CERTIFICATE, ExemptionDocumentation.OTHER_WEIGHTY_REASONS);

    private Exemptions() {
    }

    public static List<Violation> check(CourseType course, ExemptionBasis basis, ExemptionDocumentation documentation) {
        List<Violation> violations = new ArrayList<>();
        if (course != CourseType.NORWEGIAN && course != CourseType.SOCIAL_STUDIES) {
            violations.add(new Violation("course", "integreringsloven-29.course",
                    "§ 29 exempts from Norwegian or social studies only, not " + course));
            return violations;
        }
        switch (basis) {
            case DOCUMENTED_NORWEGIAN_OR_SAMI_SKILLS -> {
                if (course != CourseType.NORWEGIAN) {
                    violations.add(new Violation("legalBasis", "integreringsloven-29.basis-fits-course",
                            "documented Norwegian or Sami skills exempt from Norwegian training only"));
                }
                if (!NORWEGIAN_SKILL_DOCUMENTS.contains(documentation)) {
                    violations.add(new Violation("documentationType", "integreringsloven-29.documentation-fits-basis",
                            documentation + " does not document Norwegian skills"));
                }
            }
            case DOCUMENTED_SOCIAL_STUDIES_KNOWLEDGE -> {
                if (course != CourseType.SOCIAL_STUDIES) {
                    violations.add(new Violation("legalBasis", "integreringsloven-29.basis-fits-course",
                            "documented knowledge of society exempts from social studies only"));
                }
                if (documentation != ExemptionDocumentation.SOCIAL_STUDIES_DOCUMENTATION) {
                    violations.add(new Violation("documentationType", "integreringsloven-29.documentation-fits-basis",
                            documentation + " does not document knowledge of society"));
                }
            }
            case HEALTH_OR_OTHER_WEIGHTY_REASONS -> {
                if (!WEIGHTY_REASON_DOCUMENTS.contains(documentation)) {
                    violations.add(new Violation("documentationType", "integreringsloven-29.documentation-fits-basis",
                            documentation + " does not document health or other weighty reasons"));
                }
            }
        }
        return violations;
    }
}
