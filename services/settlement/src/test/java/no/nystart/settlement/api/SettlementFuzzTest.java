package no.nystart.settlement.api;

import static io.restassured.RestAssured.given;
import static no.nystart.settlement.api.SettlementTestSupport.fodselsnummer;
import static no.nystart.settlement.api.SettlementTestSupport.officer;
import static no.nystart.settlement.api.SettlementTestSupport.settle;
import static no.nystart.settlement.api.SettlementTestSupport.person;
import static no.nystart.settlement.api.SettlementTestSupport.putDecision;
import static no.nystart.settlement.api.SettlementTestSupport.register;
import static no.nystart.settlement.api.SettlementTestSupport.today;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
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
 * Every operation of settlement's OpenAPI document, called with request bodies and parameters broken one field at a
 * time (platform/testing {@link OpenApiFuzzer}, seed 20261204): no 5xx, every 4xx problem+json naming the broken field
 * or parameter, nothing written by a refused request (docs/reliability.md, "The fuzz suite").
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement_test"))
class SettlementFuzzTest {
    private static TableCounts counts;

    @TestFactory
    Stream<DynamicNode> every_operation_with_broken_bodies_and_parameters() {
        putDecision("0301", today().getYear(), 500, 10);
        LocalDate permit = today().minusDays(40);
        JsonNode household = register(List.of(person("Selam", LocalDate.of(1988, 4, 2), permit, null, false),
                person("Yonas", LocalDate.of(2015, 6, 1), permit, null, false)));
        JsonNode other = register(List.of(person("Ruta", LocalDate.of(1979, 8, 9), permit, null, false)));
        String caseId = household.get(0).get("caseId").asText();
        String toClose = register(List.of(person("Abel", LocalDate.of(1985, 1, 9), permit, null, false))).get(0).get("caseId").asText();
        String personId = other.get(0).get("personId").asText();
        // a settled person, for the relocations
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("0301", today(), "BY_AGREEMENT", null))
                .when().post("/api/v1/cases/{id}/settlement", other.get(0).get("caseId").asText()).then().statusCode(200);
        OpenApiFuzzer fuzzer = OpenApiFuzzer.fromRunningService()
                .param("id", caseId).param("personId", personId).param("k", "0301")
                .param("year", String.valueOf(today().getYear()))
                .param("/api/v1/persons/{id}/relocations", "id", personId)
                .param("/api/v1/cases/{id}/closure", "id", toClose)
                .crossField("criterion", "name", "dufNumber", "nationalId")
                .value("arrivalRoute", "RESETTLEMENT_QUOTA")
                .value("persons[0]", person("Fuzz", LocalDate.of(1990, 3, 1), permit, fodselsnummer(LocalDate.of(1990, 3, 1)), false))
                .value("citizenship", "ERI").value("municipality", "0301").value("toMunicipality", "1103")
                .value("settlementType", "BY_AGREEMENT")
                .value("closedOn", today().toString()).value("settledOn", today().toString()).value("movedOn", today().toString()).value("relocationType", "ON_OWN")
                .value("year", today().getYear()).value("timeLimitSeconds", 1)
                .value("labourDemand", Collections.nCopies(10, 100))
                .value("name", "Selam").omit("dufNumber").omit("nationalId").omit("override").omit("note");
        counts = TableCounts.ofServiceDatabase();
        return new FuzzRun("settlement", fuzzer, SettlementFuzzTest::token, counts).tests();
    }

    private static String token(List<String> roles) {
        return TestInfrastructure.get().tokens().token().user("fuzz").roles(roles.toArray(String[]::new))
                .claim("county", "03").claim("municipality", "0301").sign();
    }

    @AfterAll
    static void close() {
        if (counts != null) {
            counts.close();
        }
    }
}
