package no.nystart.adulteducation.api;

import static io.restassured.RestAssured.given;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.awaitLearner;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.caseworker;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.publish;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.settled;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.today;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Topics;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import no.nystart.platform.testing.fuzz.FuzzRun;
import no.nystart.platform.testing.fuzz.OpenApiFuzzer;
import no.nystart.platform.testing.fuzz.TableCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of adult-education's OpenAPI document, called with request bodies and parameters broken one field
 * at a time (platform/testing {@link OpenApiFuzzer}, seed 20261204): no 5xx, every 4xx problem+json naming the broken
 * field or parameter, nothing written by a refused request (docs/reliability.md, "The fuzz suite").
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "adult_education_test"))
class AdultEducationFuzzTest {
    private static final String OSLO = "0301";
    private static TableCounts counts;

    @TestFactory
    Stream<DynamicNode> every_operation_with_broken_bodies_and_parameters() {
        // a learner (from PersonSettled, consumed before the first request), a provider and an enrolment
        PersonSettled event = settled(LocalDate.of(1990, 5, 5), PermitType.REFUGEE, today().minusMonths(6), OSLO);
        publish(Topics.SETTLEMENT, event);
        awaitLearner(event.personId(), OSLO);
        String provider = given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON)
                .body(Map.of("name", "Voksenopplæringen Oslo", "kind", "MUNICIPAL", "municipality", OSLO))
                .when().post("/api/v1/providers").then().statusCode(201).extract().path("id");
        String enrolment = given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON)
                .body(Map.of("course", "SOCIAL_STUDIES", "providerId", provider, "startDate", today().minusDays(10).toString(),
                        "languageOfInstruction", "ar"))
                .when().post("/api/v1/learners/{id}/enrolments", event.personId()).then().statusCode(201).extract().path("enrolmentId");
        OpenApiFuzzer fuzzer = OpenApiFuzzer.fromRunningService()
                .param("personId", event.personId().toString()).param("enrolmentId", enrolment)
                .param("date", today().minusDays(1).toString()).param("municipality", OSLO)
                .value("name", "Språkskolen Oslo").value("kind", "MUNICIPAL").value("municipality", OSLO)
                .omit("organisationNumber").omit("approvedFrom").omit("approvedTo")
                .value("course", "NORWEGIAN").value("providerId", provider).value("startDate", today().minusDays(5).toString())
                .value("languageOfInstruction", "ar").value("hours", 3.5)
                .value("testType", "NORSKPROVE_A1_B2").value("testDate", today().toString())
                .value("readingLevel", "A2").value("listeningLevel", "A2").value("writingLevel", "A2").value("oralLevel", "A2")
                .value("passed", true).value("decidedOn", today().toString())
                .value("from", today().plusDays(7).toString()).value("to", today().plusDays(21).toString());
        counts = TableCounts.ofServiceDatabase();
        return new FuzzRun("adult-education", fuzzer, AdultEducationFuzzTest::token, counts).tests();
    }

    private static String token(List<String> roles) {
        return TestInfrastructure.get().tokens().token().user("fuzz").roles(roles.toArray(String[]::new))
                .claim("municipality", OSLO).sign();
    }

    @AfterAll
    static void close() {
        if (counts != null) {
            counts.close();
        }
    }
}
