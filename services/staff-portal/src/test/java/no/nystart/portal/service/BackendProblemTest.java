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
                {"status":422,"detail":"the municipality has a rule the portal does not know yet",
                 "violations":[{"field":"municipality","rule":"municipality.new-rule","message":"not allowed here"}]}""");
        assertThat(rule.message()).contains("bryter en regel").contains("the portal does not know yet");
        assertThat(rule.errorFor("municipality")).contains("municipality.new-rule").contains("not allowed here");

        Backend.Problem forbidden = Backend.problem(403, "{\"status\":403,\"detail\":\"person 123 of centre X\"}");
        assertThat(forbidden.message()).isEqualTo("Rollen din gir ikke tilgang til dette.");
        assertThat(forbidden.fieldErrors()).isEmpty();
    }

    @Test
    void the_capacity_rule_of_settlement_is_told_in_norwegian_at_the_municipality_without_the_english_detail() {
        Backend.Problem p = Backend.problem(409, """
                {"status":409,"detail":"settling 1 persons would exceed the decision of 0301 for 2026 (decided 0, settled or proposed 0)",
                 "violations":[{"field":"municipality","rule":"settlement.capacity","message":"settling 1 persons would exceed"}]}""");
        assertThat(p.message()).isEqualTo("Det du prøvde å gjøre, passer ikke med hvordan saken står nå.");
        assertThat(p.errorFor("municipality")).startsWith("Kommunens vedtak om bosetting for året har ikke plass")
                .contains("begrunnelse");
        assertThat(p.fieldErrors().get(0).label()).isEqualTo("Kommune");
    }

    @Test
    void a_training_session_before_the_arrival_names_the_rule_in_norwegian() {
        Backend.Problem p = Backend.problem(422, """
                {"status":422,"detail":"the session date 2026-01-01 is before the registration in the centre on 2026-02-01",
                 "violations":[{"field":"date","rule":"training-session.before-registration","message":"before registration"}]}""");
        assertThat(p.errorFor("date")).startsWith("Datoen er før personen ble registrert i mottaket");
        assertThat(p.message()).doesNotContain("registration");
    }

    @Test
    void a_nested_field_is_named_like_the_form_field_it_came_from() {
        Backend.Problem p = Backend.problem(400, """
                {"status":400,"violations":[{"field":"override.reason","rule":"settlement.override-reason","message":"needs a reason"}]}""");
        assertThat(p.fieldErrors().get(0).label()).isEqualTo("Begrunnelse for overstyring");
        assertThat(p.errorFor("override.reason")).startsWith("Skriv en begrunnelse");
    }

    @Test
    void a_body_that_is_not_json_still_gives_a_message() {
        Backend.Problem p = Backend.problem(409, "<html>oops</html>");
        assertThat(p.message()).startsWith("Det du prøvde å gjøre, passer ikke");
        assertThat(p.fieldErrors()).isEmpty();
    }

    @Test
    void a_competence_mapping_row_is_named_by_its_row_and_the_section_6_rules_are_told_in_norwegian() {
        Backend.Problem p = Backend.problem(400, """
                {"status":400,"detail":"languages[0].languageCode: a three-letter lower-case ISO 639-3 code",
                 "violations":[{"field":"languages[0].languageCode","rule":"iso639-3.format","message":"a three-letter code"},
                               {"field":"workExperience[1].styrkCode","rule":"styrk-08.format","message":"four digits"}]}""");
        assertThat(p.errorFor("languages[0].languageCode")).contains("ISO 639-3").contains("tre små bokstaver");
        assertThat(p.fieldErrors()).extracting(no.nystart.portal.domain.Messages.FieldError::label)
                .containsExactly("Språkkode (rad 1)", "Yrkeskode (STYRK-08) (rad 2)");
        assertThat(p.message()).isEqualTo("Noen av feltene er ikke riktig utfylt. Se meldingene ved feltene.");

        Backend.Problem noPermit = Backend.problem(409, """
                {"status":409,"detail":"no permit","violations":[{"field":"personId","rule":"integreringsloven-6.no-permit","message":"no permit"}]}""");
        assertThat(noPermit.errorFor("personId")).contains("integreringsloven § 6");
    }
}
