package no.nystart.portal.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A service's problem+json becomes a Norwegian page message and one message per named field. */
class BackendProblemTest {

    @Test
    void violations_of_an_arrival_land_at_their_fields_in_norwegian() {
        String body = """
                {"type":"https://nystart.no/problems/invalid-input","title":"The request is invalid","status":400,
                 "detail":"citizenship: must not be null; dufNumber: must be 12 digits","instance":"/api/v1/residents",
                 "violations":[{"field":"citizenship","rule":"not-null","message":"must not be null"},
                               {"field":"dufNumber","rule":"duf-number.format","message":"must be 12 digits"}]}""";
        Backend.Problem p = Backend.problem(400, body);
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.message()).startsWith("Noen av feltene er ikke riktig utfylt");
        assertThat(p.errorFor("dufNumber")).isEqualTo("DUF-nummeret må være 12 siffer.");
        assertThat(p.errorFor("citizenship")).isEqualTo("Må fylles ut.");
        assertThat(p.errorFor("firstName")).isNull();
    }

    @Test
    void an_unknown_rule_keeps_the_service_explanation_and_a_403_says_nothing_of_the_resource() {
        Backend.Problem rule = Backend.problem(422, """
                {"status":422,"detail":"the decision of 0301 for 2026 has no room left",
                 "violations":[{"field":"municipality","rule":"settlement.capacity","message":"no room left"}]}""");
        assertThat(rule.message()).contains("bryter en regel").contains("no room left");
        assertThat(rule.errorFor("municipality")).contains("settlement.capacity").contains("no room left");

        Backend.Problem forbidden = Backend.problem(403, "{\"status\":403,\"detail\":\"person 123 of centre X\"}");
        assertThat(forbidden.message()).isEqualTo("Rollen din gir ikke tilgang til dette.");
        assertThat(forbidden.fieldErrors()).isEmpty();
    }

    @Test
    void a_body_that_is_not_json_still_gives_a_message() {
        Backend.Problem p = Backend.problem(409, "<html>oops</html>");
        assertThat(p.message()).startsWith("Det du prøvde å gjøre, passer ikke");
        assertThat(p.fieldErrors()).isEmpty();
    }
}
