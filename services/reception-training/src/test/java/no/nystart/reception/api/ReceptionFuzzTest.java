package no.nystart.reception.api;

import static no.nystart.reception.api.ReceptionTestSupport.FJORDLYS;
import static io.restassured.RestAssured.given;
import static no.nystart.reception.api.ReceptionTestSupport.post;
import static no.nystart.reception.api.ReceptionTestSupport.registerAdult;
import static no.nystart.reception.api.ReceptionTestSupport.staffToken;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import no.nystart.platform.testing.fuzz.FuzzRun;
import no.nystart.platform.testing.fuzz.OpenApiFuzzer;
import no.nystart.platform.testing.fuzz.TableCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of reception-training's OpenAPI document, called with request bodies and parameters broken one
 * field at a time (platform/testing {@link OpenApiFuzzer}, seed 20261204): no 5xx, every 4xx problem+json naming the
 * broken field or parameter, nothing written by a refused request (docs/reliability.md, "The fuzz suite").
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_test"))
class ReceptionFuzzTest {
    private static TableCounts counts;

    @TestFactory
    Stream<DynamicNode> every_operation_with_broken_bodies_and_parameters() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        // one resident per kind of step, so that each operation's baseline reaches its rules: training, an exemption
        // (no permit), the permit, the § 6 mapping (after a permit), § 11 guidance (after a mapping), the departure
        String training = registerAdult(20);
        String exempted = registerAdult(20);
        String permit = registerAdult(20);
        String mapping = registerAdult(20);
        String guidance = registerAdult(20);
        String departure = registerAdult(20);
        Map<String, Object> refugee = Map.of("permitType", "REFUGEE", "decisionDate", today.minusDays(2).toString());
        for (String id : List.of(mapping, guidance)) {
            post("/api/v1/residents/{id}/residence-permit", refugee, id).statusCode(201);
        }
        Map<String, Object> competence = Map.of("mappedOn", today.minusDays(1).toString(),
                "languages", List.of(Map.of("languageCode", "tir", "proficiency", "NATIVE")), "educationLevel", "PRIMARY",
                "educationYears", 6, "workExperience", List.of(), "otherCompetence", List.of());
        given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(competence)
                .when().put("/api/v1/residents/{id}/competence-mapping", guidance).then().statusCode(201);
        OpenApiFuzzer fuzzer = OpenApiFuzzer.fromRunningService()
                .param("personId", training).param("receptionCentreId", FJORDLYS)
                .param("/api/v1/residents/{personId}/exemptions", "personId", exempted)
                .param("/api/v1/residents/{personId}/residence-permit", "personId", permit)
                .param("/api/v1/residents/{personId}/competence-mapping", "personId", mapping)
                .param("/api/v1/residents/{personId}/career-guidance", "personId", guidance)
                .param("/api/v1/residents/{personId}/departure", "personId", departure)
                .value("/api/v1/residents/{personId}/departure", "reason", "LEFT_NORWAY")
                .value("dufNumber", "202400004711").value("firstName", "Fuzz").value("lastName", "Haile")
                .value("birthDate", "1990-04-02").value("citizenship", "ERI").value("receptionCentreId", FJORDLYS)
                .value("registeredOn", today.minusDays(3).toString()).omit("householdId")
                .value("hours", 2).value("date", today.minusDays(1).toString())
                .value("grantedOn", today.minusDays(1).toString()).value("decisionDate", today.minusDays(2).toString())
                .value("permitType", "REFUGEE").value("mappedOn", today.minusDays(1).toString())
                .value("languageCode", "tir").value("styrkCode", "2512").value("years", 3).value("educationYears", 9)
                .value("completedOn", today.toString()).omit("county").value("leftOn", today.toString())
                .value("name", "Fuzz").omit("nationalId")
                .crossField("criterion", "name", "dufNumber", "nationalId");
        counts = TableCounts.ofServiceDatabase();
        return new FuzzRun("reception-training", fuzzer, ReceptionFuzzTest::token, counts).tests();
    }

    private static String token(List<String> roles) {
        return TestInfrastructure.get().tokens().token().user("fuzz").roles(roles.toArray(String[]::new)).sign();
    }

    @AfterAll
    static void close() {
        if (counts != null) {
            counts.close();
        }
    }
}
