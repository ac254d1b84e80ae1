package no.nystart.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The one-way layering of every service (docs/service-guide.md, "Packages"), by a plain scan of the main sources'
 * import lines: {@code domain/} imports no framework package (io.quarkus, jakarta, javax, io.smallrye, io.vertx,
 * org.hibernate, org.jboss, org.eclipse.microprofile, com.fasterxml: the domain is plain Java and plain-JUnit
 * testable; {@code no.nystart.platform.*} and {@code no.nystart.contracts.*} are allowed because the types it uses
 * from them — Violation, RuleViolationException, ConflictProblem, the event records — are framework-free),
 * {@code service/} imports nothing of {@code api/}, {@code api/} nothing of {@code persistence/}.
 *
 * <p>{@link #KNOWN} is the explicit list of today's violations in the services not yet brought into this shape (issue
 * 19), as {@code file: import}. It must match exactly: a new violation fails, and so does a violation fixed but still
 * listed — the list only shrinks. introduction-programme has none.
 */
class LayerImportsTest {

    static final List<String> FRAMEWORK = List.of("io.quarkus.", "jakarta.", "javax.", "io.smallrye.", "io.vertx.", "org.hibernate.",
            "org.jboss.", "org.eclipse.microprofile.", "com.fasterxml.");

    private static final Pattern FILE = Pattern.compile("services/([^/]+)/src/main/java/no/nystart/([^/]+)/(api|service|domain)/.*\\.java");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)");

    /** Today's violations outside introduction-programme: remove a line when its import is gone. */
    static final Set<String> KNOWN = Set.of(
            "services/adult-education/src/main/java/no/nystart/adulteducation/api/Views.java: no.nystart.adulteducation.persistence.EnrolmentEntity",
            "services/adult-education/src/main/java/no/nystart/adulteducation/api/Views.java: no.nystart.adulteducation.persistence.ExemptionEntity",
            "services/adult-education/src/main/java/no/nystart/adulteducation/api/Views.java: no.nystart.adulteducation.persistence.HistoryEntity",
            "services/adult-education/src/main/java/no/nystart/adulteducation/api/Views.java: no.nystart.adulteducation.persistence.LearnerEntity",
            "services/adult-education/src/main/java/no/nystart/adulteducation/api/Views.java: no.nystart.adulteducation.persistence.NorwegianTestEntity",
            "services/adult-education/src/main/java/no/nystart/adulteducation/api/Views.java: no.nystart.adulteducation.persistence.ProviderEntity",
            "services/adult-education/src/main/java/no/nystart/adulteducation/api/Views.java: no.nystart.adulteducation.persistence.SocialStudiesTestEntity",
            "services/grant-accounting/src/main/java/no/nystart/grants/domain/GrantCodes.java: com.fasterxml.jackson.annotation.JsonProperty",
            "services/grant-accounting/src/main/java/no/nystart/grants/service/AnnualRunService.java: no.nystart.grants.api.Views",
            "services/grant-accounting/src/main/java/no/nystart/grants/service/LedgerQueryService.java: no.nystart.grants.api.Views",
            "services/grant-accounting/src/main/java/no/nystart/grants/service/PersonHistoryService.java: no.nystart.grants.api.Views",
            "services/grant-accounting/src/main/java/no/nystart/grants/service/RateTableService.java: no.nystart.grants.api.RateLine",
            "services/grant-accounting/src/main/java/no/nystart/grants/service/RateTableService.java: no.nystart.grants.api.Views",
            "services/reception-training/src/main/java/no/nystart/reception/api/ReceptionCentreResource.java: no.nystart.reception.persistence.ReceptionCentreEntity",
            "services/reception-training/src/main/java/no/nystart/reception/api/ResidentView.java: no.nystart.reception.persistence.ResidentEntity",
            "services/settlement/src/main/java/no/nystart/settlement/api/CaseView.java: no.nystart.settlement.persistence.SettlementCaseEntity",
            "services/settlement/src/main/java/no/nystart/settlement/service/CaseService.java: no.nystart.settlement.api.CloseCaseRequest",
            "services/settlement/src/main/java/no/nystart/settlement/service/CaseService.java: no.nystart.settlement.api.RegisterCaseRequest",
            "services/settlement/src/main/java/no/nystart/settlement/service/MunicipalityService.java: no.nystart.settlement.api.DecisionRequest",
            "services/settlement/src/main/java/no/nystart/settlement/service/MunicipalityService.java: no.nystart.settlement.api.DecisionView",
            "services/settlement/src/main/java/no/nystart/settlement/service/MunicipalityService.java: no.nystart.settlement.api.ProfileRequest",
            "services/settlement/src/main/java/no/nystart/settlement/service/MunicipalityService.java: no.nystart.settlement.api.ProfileView",
            "services/settlement/src/main/java/no/nystart/settlement/service/SettlementService.java: no.nystart.settlement.api.RelocationRequest",
            "services/settlement/src/main/java/no/nystart/settlement/service/SettlementService.java: no.nystart.settlement.api.SettleRequest"
    );

    static Set<String> violations() {
        Set<String> found = new TreeSet<>();
        for (Path file : Repository.javaFiles("main")) {
            String path = Repository.slashes(file);
            Matcher f = FILE.matcher(path);
            if (!f.matches()) {
                continue;
            }
            String base = "no.nystart." + f.group(2) + ".";
            String layer = f.group(3);
            Matcher m = IMPORT.matcher(Repository.text(file));
            while (m.find()) {
                String imported = m.group(1);
                boolean bad = switch (layer) {
                    case "domain" -> FRAMEWORK.stream().anyMatch(imported::startsWith);
                    case "service" -> imported.startsWith(base + "api.");
                    case "api" -> imported.startsWith(base + "persistence.");
                    default -> false;
                };
                if (bad) {
                    found.add(path + ": " + imported);
                }
            }
        }
        return found;
    }

    @Test
    void domain_imports_no_framework_service_imports_no_api_and_api_imports_no_persistence_except_the_shrinking_known_list() {
        assertEquals(new TreeSet<>(KNOWN), violations(),
                "layer imports differ from the known list (a new violation, or a fixed one still listed)");
    }

    @Test
    void introduction_programme_the_template_has_no_violation() {
        assertEquals(Set.of(), violations().stream().filter(v -> v.startsWith("services/introduction-programme/"))
                .collect(java.util.stream.Collectors.toSet()));
    }
}
