package no.nystart.reception.api;

import static no.nystart.platform.events.ClockProducer.OSLO;
import static io.restassured.RestAssured.given;
import static no.nystart.reception.api.ReceptionTestSupport.arrival;
import static no.nystart.reception.api.ReceptionTestSupport.count;
import static no.nystart.reception.api.ReceptionTestSupport.newDufNumber;
import static no.nystart.reception.api.ReceptionTestSupport.staffToken;
import static no.nystart.reception.api.ReceptionTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.ContractSchemas;
import no.nystart.platform.testing.KafkaTestClient;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code POST/GET /api/v1/residents} against the real broker, database and token issuer. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_test"))
class ResidentResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void registering_an_arrival_stores_the_resident_and_publishes_ResidentRegistered_as_a_CloudEvent() throws Exception {
        String duf = newDufNumber();
        String personId = given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(arrival(duf))
                .when().post("/api/v1/residents")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("dufNumber", equalTo(duf))
                .extract().path("personId");

        given().auth().oauth2(token(Roles.SETTLEMENT_OFFICER))
                .when().get("/api/v1/residents/{id}", personId)
                .then().statusCode(200).body("lastName", equalTo("Haile")).body("citizenship", equalTo("ERI"));

        ConsumerRecord<String, byte[]> record = TestInfrastructure.get().kafka()
                .awaitRecord("reception.events.v1", r -> personId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(KafkaTestClient.header(record, "ce_id"))).isNotNull();
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/nystart/reception-training");
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("no.nystart.ResidentRegistered.v1");
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(personId);
        assertThat(OffsetDateTime.parse(KafkaTestClient.header(record, "ce_time"))).isNotNull();
        assertThat(KafkaTestClient.header(record, "content-type")).isEqualTo("application/json");
        assertThat(KafkaTestClient.header(record, "ce_dataschema"))
                .isEqualTo("https://nystart.no/contracts/schemas/v1/ResidentRegistered.schema.json");

        assertThat(ContractSchemas.errors(no.nystart.contracts.reception.ResidentRegistered.class,
                KafkaTestClient.text(record.value()))).isEmpty();
        JsonNode payload = JSON.readTree(record.value());
        assertThat(payload.get("personId").asText()).isEqualTo(personId);
        assertThat(payload.get("hostMunicipality").asText()).isEqualTo("3301");
        assertThat(payload.get("asylumProcedure").asText()).isEqualTo("NORMAL");
        // privacy: the event carries no name and no DUF number
        assertThat(KafkaTestClient.text(record.value())).doesNotContain(duf).doesNotContain("Haile").doesNotContain("Amina");
        assertThat(count("select count(*) from nystart_outbox where record_key = ? and sent_at is not null", personId))
                .isEqualTo(1);
    }

    @Test
    void no_token_is_401_and_a_role_without_the_right_is_403() {
        given().contentType(ContentType.JSON).body(arrival(newDufNumber()))
                .when().post("/api/v1/residents").then().statusCode(401);
        given().auth().oauth2(token(Roles.SETTLEMENT_OFFICER)).contentType(ContentType.JSON).body(arrival(newDufNumber()))
                .when().post("/api/v1/residents")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token(Roles.MUNICIPAL_CASEWORKER))
                .when().get("/api/v1/residents/{id}", UUID.randomUUID()).then().statusCode(403);
        String expired = TestInfrastructure.get().tokens().token().roles(Roles.RECEPTION_STAFF).expired().sign();
        given().auth().oauth2(expired).when().get("/api/v1/residents/{id}", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void staff_bound_to_a_centre_register_only_at_their_own_centre() {
        String otherCentreStaff = TestInfrastructure.get().tokens().token().roles(Roles.RECEPTION_STAFF)
                .claim("reception_centre", ReceptionTestSupport.NORDLYS).sign();
        given().auth().oauth2(otherCentreStaff).contentType(ContentType.JSON).body(arrival(newDufNumber()))
                .when().post("/api/v1/residents").then().statusCode(403);
    }

    @Test
    void malformed_input_is_400_problem_json_naming_each_field_and_nothing_is_written() {
        long before = count("select count(*) from nystart_outbox");
        Map<String, Object> body = arrival("12AB");
        body.remove("sex");
        given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/residents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("dufNumber"))
                .body("violations.rule", hasItem("duf-number.format"))
                .body("violations.field", hasItem("sex"));

        given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body("{\"dufNumber\": ")
                .when().post("/api/v1/residents")
                .then().statusCode(400).contentType("application/problem+json");

        Map<String, Object> badEnum = arrival(newDufNumber());
        badEnum.put("asylumProcedure", "EXPRESS");
        given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(badEnum)
                .when().post("/api/v1/residents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("asylumProcedure"));
        assertThat(count("select count(*) from nystart_outbox")).isEqualTo(before);
    }

    @Test
    void broken_domain_rules_are_422_naming_the_rule_and_nothing_is_written() {
        long before = count("select count(*) from nystart_outbox");
        Map<String, Object> body = arrival("1850" + "12345678");
        body.put("registeredOn", LocalDate.now(OSLO).plusDays(2).toString());
        body.put("citizenship", "QQQ");
        given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/residents")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.rule", hasItem("duf-number.year"))
                .body("violations.rule", hasItem("date.not-in-future"))
                .body("violations.rule", hasItem("citizenship.iso3166-alpha3"));

        Map<String, Object> unknownCentre = arrival(newDufNumber());
        unknownCentre.put("receptionCentreId", UUID.randomUUID().toString());
        given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(unknownCentre)
                .when().post("/api/v1/residents")
                .then().statusCode(422).body("violations[0].rule", equalTo("reception-centre.unknown"));
        assertThat(count("select count(*) from nystart_outbox")).isEqualTo(before);
        assertThat(count("select count(*) from resident where duf_number = '185012345678'")).isZero();
    }

    @Test
    void the_same_DUF_number_twice_is_409_and_only_one_event_is_written() {
        String duf = newDufNumber();
        given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(arrival(duf))
                .when().post("/api/v1/residents").then().statusCode(201);
        given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(arrival(duf))
                .when().post("/api/v1/residents")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].field", equalTo("dufNumber"))
                .body("violations[0].rule", equalTo("duf-number.unique"));
        assertThat(count("select count(*) from resident where duf_number = ?", duf)).isEqualTo(1);
        assertThat(count("select count(*) from nystart_outbox o join resident r on o.record_key = r.person_id::text "
                + "where r.duf_number = ?", duf)).isEqualTo(1);
    }

    @Test
    void unknown_resident_is_404_problem_json() {
        given().auth().oauth2(staffToken())
                .when().get("/api/v1/residents/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
