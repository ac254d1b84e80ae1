package no.nystart.introduction.api;

import static io.restassured.RestAssured.given;
import static no.nystart.introduction.api.IntroTestSupport.OSLO;
import static no.nystart.introduction.api.IntroTestSupport.admission;
import static no.nystart.introduction.api.IntroTestSupport.caseworker;
import static no.nystart.introduction.api.IntroTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 end to end in one service: bad input is a 400 problem naming the field, a unique-constraint race is a
 * 409, and a request without a token is a 401 whatever it accepts.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "introduction_test"))
class RobustInputTest {
    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void four_concurrent_identical_admissions_give_one_201_and_409s_never_a_500() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID id = UUID.randomUUID();
            String body = JSON.writeValueAsString(admission(id, OSLO));
            String token = caseworker(OSLO);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<CompletableFuture<Response>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    calls.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                                .when().post("/api/v1/participants").andReturn();
                    }, pool));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (CompletableFuture<Response> call : calls) {
                    Response response = call.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 409) {
                        assertThat(response.contentType()).startsWith(PROBLEM);
                    }
                }
                assertThat(statuses).as("round %d", round).containsOnly(201, 409);
                assertThat(statuses.stream().filter(s -> s == 201).count()).as("round %d", round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(count("select count(*) from participant where person_id = ?", id)).isEqualTo(1);
        }
    }

    @Test
    void a_duplicate_key_is_a_400_naming_it_and_writes_nothing() throws Exception {
        UUID id = UUID.randomUUID();
        String body = JSON.writeValueAsString(admission(id, OSLO));
        String twice = "{\"municipality\":\"4601\"," + body.substring(1);
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(twice)
                .when().post("/api/v1/participants")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("municipality")).body("violations.rule", hasItem("json.duplicate-key"));
        assertThat(count("select count(*) from participant where person_id = ?", id)).isZero();
    }

    @Test
    void a_nul_character_or_a_number_for_a_date_is_a_400_naming_the_field() {
        UUID id = UUID.randomUUID();
        Map<String, Object> nul = admission(id, OSLO);
        nul.put("reason", "decided\u0000");
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(nul)
                .when().post("/api/v1/participants")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("reason")).body("violations.rule", hasItem("text.control-character"));
        Map<String, Object> date = admission(id, OSLO);
        date.put("settledOn", 99999999999L);
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(date)
                .when().post("/api/v1/participants")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("settledOn")).body("violations.rule", hasItem("date.format"));
        assertThat(count("select count(*) from participant where person_id = ?", id)).isZero();
    }

    @Test
    void a_null_content_element_in_a_plan_is_a_400_naming_elements_not_a_500() {
        // found by the OpenAPI fuzz suite (IntroductionFuzzTest): EnumSet.copyOf threw on the null, answered 500
        UUID id = UUID.randomUUID();
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(admission(id, OSLO))
                .when().post("/api/v1/participants").then().statusCode(201);
        Map<String, Object> plan = new java.util.LinkedHashMap<>();
        plan.put("finalGoal", "EMPLOYMENT");
        plan.put("norwegianGoal", Map.of("reading", "B1", "listening", "B1", "writing", "A2", "oral", "B1"));
        plan.put("elements", java.util.Arrays.asList(null, "WORK_ORIENTED", "LIFE_SKILLS_IN_A_NEW_COUNTRY"));
        plan.put("agreedOn", "2025-07-01");
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(plan)
                .when().put("/api/v1/participants/{id}/plan", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("elements")).body("violations.rule", hasItem("not-null"));
        assertThat(count("select count(*) from integration_plan where person_id = ?", id)).isZero();
    }

    @Test
    void the_certificate_without_a_token_is_401_whatever_the_client_accepts() {
        UUID id = UUID.randomUUID();
        given().accept("application/json").when().get("/api/v1/participants/{id}/certificate", id).then().statusCode(401);
        given().accept("text/html").when().get("/api/v1/participants/{id}/certificate", id).then().statusCode(401);
        given().when().get("/api/v1/participants/{id}/certificate", id).then().statusCode(401);
    }
}
