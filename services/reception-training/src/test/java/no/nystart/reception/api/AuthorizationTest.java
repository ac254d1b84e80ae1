package no.nystart.reception.api;

import static no.nystart.platform.events.ClockProducer.OSLO;
import static io.restassured.RestAssured.given;
import static no.nystart.reception.api.ReceptionTestSupport.FJORDLYS;
import static no.nystart.reception.api.ReceptionTestSupport.NORDLYS;
import static no.nystart.reception.api.ReceptionTestSupport.count;
import static no.nystart.reception.api.ReceptionTestSupport.officerToken;
import static no.nystart.reception.api.ReceptionTestSupport.registerAdult;
import static no.nystart.reception.api.ReceptionTestSupport.session;
import static no.nystart.reception.api.ReceptionTestSupport.staffTokenOf;
import static no.nystart.reception.api.ReceptionTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix over every endpoint (docs/architecture.md, Users): no token 401; a role without the
 * right 403; reception staff of another centre 403; settlement officers read but do not write. Reads of a
 * person by a person are written to the audit log.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_test"))
class AuthorizationTest {

    private record Call(String method, String path, Object body) {
    }

    private static List<Call> writes(String personId) {
        String today = LocalDate.now(OSLO).toString();
        return List.of(
                new Call("POST", "/api/v1/residents/" + personId + "/training-sessions", session("NORWEGIAN", LocalDate.now(OSLO), "1")),
                new Call("POST", "/api/v1/residents/" + personId + "/exemptions",
                        Map.of("module", "NORWEGIAN", "reason", "HEALTH", "grantedOn", today)),
                new Call("POST", "/api/v1/residents/" + personId + "/residence-permit",
                        Map.of("permitType", "REFUGEE", "decisionDate", today)),
                new Call("PUT", "/api/v1/residents/" + personId + "/competence-mapping",
                        Map.of("mappedOn", today, "languages", List.of(Map.of("languageCode", "tir", "proficiency", "NATIVE")),
                                "educationLevel", "PRIMARY", "educationYears", 7, "workExperience", List.of(),
                                "otherCompetence", List.of())),
                new Call("POST", "/api/v1/residents/" + personId + "/career-guidance", Map.of("completedOn", today)),
                new Call("POST", "/api/v1/residents/" + personId + "/departure", Map.of("leftOn", today, "reason", "OTHER")));
    }

    private static int status(String token, Call call) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (call.body() != null) {
            request = request.contentType(ContentType.JSON).body(call.body());
        }
        return request.when().request(call.method(), call.path()).then().extract().statusCode();
    }

    @Test
    void every_write_endpoint_is_401_without_token_403_for_other_roles_404_for_other_centres() {
        String personId = registerAdult(10); // lives at Fjordlys
        String caseworker = token(Roles.MUNICIPAL_CASEWORKER);
        String nordlysStaff = staffTokenOf(NORDLYS);
        String officer = officerToken();
        for (Call call : writes(personId)) {
            assertThat(status(null, call)).as("no token: " + call).isEqualTo(401);
            assertThat(status(caseworker, call)).as("caseworker: " + call).isEqualTo(403);
            assertThat(status(officer, call)).as("settlement officer writes: " + call).isEqualTo(403);
            // the existence rule: a resident of another centre is unknown to its staff
            assertThat(status(nordlysStaff, call)).as("staff of another centre: " + call).isEqualTo(404);
        }
        assertThat(count("select count(*) from training_session where person_id = ?::uuid", personId)).isZero();
        assertThat(count("select count(*) from residence_permit where person_id = ?::uuid", personId)).isZero();
        // staff of the resident's own centre may write
        assertThat(status(staffTokenOf(FJORDLYS), writes(personId).get(0))).isEqualTo(201);
    }

    @Test
    void reads_staff_of_their_centre_and_settlement_officers_other_roles_403_other_centres_404_and_every_read_is_audited() {
        String personId = registerAdult(10);
        Call read = new Call("GET", "/api/v1/residents/" + personId, null);
        assertThat(status(null, read)).isEqualTo(401);
        assertThat(status(token(Roles.GRANT_OFFICER), read)).isEqualTo(403);
        assertThat(status(staffTokenOf(NORDLYS), read)).isEqualTo(404);
        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid", personId)).isZero();

        given().auth().oauth2(officerToken()).header("X-Purpose", "utsøking")
                .when().get("/api/v1/residents/{id}", personId).then().statusCode(200);
        given().auth().oauth2(staffTokenOf(FJORDLYS)).when().get("/api/v1/residents/{id}", personId).then().statusCode(200);
        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid and reader = 'imdi-bosetting' "
                + "and purpose = 'utsøking' and roles = 'settlement-officer' and action like 'GET /api/v1/residents/%'", personId))
                .isEqualTo(1);
        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid", personId)).isEqualTo(2);
    }

    @Test
    void the_staff_list_shows_the_own_centre_with_training_status_and_who_is_behind() {
        String behind = registerAdult(70); // > 8 weeks, no hours
        String recent = registerAdult(3);
        given().auth().oauth2(staffTokenOf(FJORDLYS)).queryParam("behind", true).queryParam("limit", 500)
                .when().get("/api/v1/residents").then().statusCode(200)
                .body("personId", hasItem(behind))
                .body("personId", not(hasItem(recent)))
                .body("receptionCentreId", everyItem(equalTo(FJORDLYS)));
        given().auth().oauth2(staffTokenOf(FJORDLYS)).queryParam("limit", 500).when().get("/api/v1/residents").then().statusCode(200)
                .body("personId", hasItem(recent));
        given().auth().oauth2(staffTokenOf(NORDLYS)).queryParam("limit", 500).when().get("/api/v1/residents").then().statusCode(200)
                .body("personId", not(hasItem(recent)));
        given().auth().oauth2(staffTokenOf(NORDLYS)).queryParam("receptionCentreId", FJORDLYS)
                .when().get("/api/v1/residents").then().statusCode(403);
        given().when().get("/api/v1/residents").then().statusCode(401);
        given().auth().oauth2(token(Roles.MUNICIPAL_CASEWORKER)).when().get("/api/v1/residents").then().statusCode(403);
        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid and action like 'GET /api/v1/residents?%'",
                behind)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void reception_centres_are_listed_for_any_signed_in_user_with_real_host_municipalities_and_invented_names() {
        given().when().get("/api/v1/reception-centres").then().statusCode(401);
        List<Map<String, Object>> centres = given().auth().oauth2(token(Roles.MUNICIPAL_CASEWORKER))
                .when().get("/api/v1/reception-centres").then().statusCode(200).extract().path("$");
        assertThat(centres).hasSizeGreaterThanOrEqualTo(10);
        for (Map<String, Object> centre : centres) {
            String host = (String) centre.get("hostMunicipality");
            assertThat(no.nystart.platform.validation.Municipalities.instance().find(host)).as(host).isPresent();
            assertThat(centre.get("hostMunicipalityName")).isNotNull();
            assertThat((String) centre.get("name")).endsWith("(invented)");
            assertThat(centre.get("nameInvented")).isEqualTo(true);
        }
        assertThat(centres).anySatisfy(c -> {
            assertThat(c.get("id")).isEqualTo(FJORDLYS);
            assertThat(c.get("hostMunicipality")).isEqualTo("3301");
            assertThat(c.get("county")).isEqualTo("33");
        });
    }
}
