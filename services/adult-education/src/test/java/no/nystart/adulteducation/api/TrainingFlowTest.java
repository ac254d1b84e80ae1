package no.nystart.adulteducation.api;

import static io.restassured.RestAssured.given;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.BERGEN;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.OSLO;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.awaitLearner;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.caseworker;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.count;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.outboxCount;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.publish;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.published;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.settled;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Topics;
import no.nystart.contracts.adulteducation.CourseCompleted;
import no.nystart.contracts.adulteducation.CourseType;
import no.nystart.contracts.adulteducation.LearnerEnrolled;
import no.nystart.contracts.adulteducation.NorwegianTestCompleted;
import no.nystart.contracts.adulteducation.SocialStudiesTestCompleted;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** Providers, enrolments, hours, tests and exemptions through the caseworker API. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "adult_education_test"))
class TrainingFlowTest {

    private static UUID newLearner(String municipality) {
        LocalDate permit = today().minusMonths(6);
        PersonSettled event = settled(LocalDate.of(1990, 5, 5), PermitType.REFUGEE, permit, municipality);
        publish(Topics.SETTLEMENT, event);
        awaitLearner(event.personId(), municipality);
        return event.personId();
    }

    private static String provider(String municipality, Map<String, Object> body) {
        return given().auth().oauth2(caseworker(municipality)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/providers").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> municipalProvider(String municipality) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Voksenopplæringen " + municipality);
        body.put("kind", "MUNICIPAL");
        body.put("municipality", municipality);
        return body;
    }

    private static Map<String, Object> privateProvider(LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Språkskolen AS");
        body.put("kind", "PRIVATE");
        body.put("municipality", OSLO);
        body.put("organisationNumber", "974760673");
        body.put("approvedFrom", from.toString());
        body.put("approvedTo", to.toString());
        return body;
    }

    private static Map<String, Object> enrolment(String course, String providerId, LocalDate start) {
        Map<String, Object> body = new HashMap<>();
        body.put("course", course);
        body.put("providerId", providerId);
        body.put("startDate", start.toString());
        body.put("languageOfInstruction", "ar");
        return body;
    }

    private static String enrol(UUID learner, Map<String, Object> body) {
        return given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/learners/{id}/enrolments", learner).then().statusCode(201).extract().path("enrolmentId");
    }

    private static void norwegianTest(UUID learner, String reading, String listening, String writing, String oral) {
        Map<String, Object> body = new HashMap<>();
        body.put("testType", "NORSKPROVE_A1_B2");
        body.put("testDate", today().toString());
        body.put("readingLevel", reading);
        body.put("listeningLevel", listening);
        body.put("writingLevel", writing);
        body.put("oralLevel", oral);
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/learners/{id}/norwegian-tests", learner).then().statusCode(201);
    }

    @Test
    void domain_4e_enrolment_with_a_provider_whose_approval_ended_the_day_before_start_is_422_and_nothing_is_written() {
        UUID learner = newLearner(OSLO);
        LocalDate start = today();
        String lapsed = provider(OSLO, privateProvider(start.minusYears(1), start.minusDays(1)));
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(enrolment("NORWEGIAN", lapsed, start))
                .when().post("/api/v1/learners/{id}/enrolments", learner)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("startDate"))
                .body("violations[0].rule", equalTo("provider.approval-covers-start"));
        assertThat(count("select count(*) from enrolment where person_id = ?", learner)).isZero();
        assertThat(outboxCount(learner, "LearnerEnrolled")).isZero();

        String covering = provider(OSLO, privateProvider(start, start.plusYears(3).minusDays(1)));
        String enrolmentId = enrol(learner, enrolment("NORWEGIAN", covering, start));
        LearnerEnrolled enrolled = published(learner, LearnerEnrolled.class, 1).get(0);
        assertThat(enrolled).isEqualTo(new LearnerEnrolled(learner, OSLO, UUID.fromString(enrolmentId), CourseType.NORWEGIAN,
                UUID.fromString(covering), start));
    }

    @Test
    void domain_4e_private_approval_over_3_years_or_bad_organisation_number_is_422() {
        Map<String, Object> tooLong = privateProvider(today(), today().plusYears(3));
        tooLong.put("organisationNumber", "974760674");
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(tooLong)
                .when().post("/api/v1/providers")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.rule", hasItem("provider.approval-max-3-years"))
                .body("violations.rule", hasItem("organisation-number.mod11"));
        given().auth().oauth2(caseworker(BERGEN)).contentType(ContentType.JSON).body(privateProvider(today(), today()))
                .when().post("/api/v1/providers").then().statusCode(403);
    }

    @Test
    void domain_4f_hours_per_course_and_date_more_than_0_at_most_8() {
        UUID learner = newLearner(OSLO);
        String municipal = provider(OSLO, municipalProvider(OSLO));
        String enrolmentId = enrol(learner, enrolment("SOCIAL_STUDIES", municipal, today().minusDays(10)));
        String path = "/api/v1/learners/{id}/enrolments/{e}/hours/{date}";
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(Map.of("hours", 8))
                .when().put(path, learner, enrolmentId, today().minusDays(1).toString()).then().statusCode(200);
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(Map.of("hours", 3.5))
                .when().put(path, learner, enrolmentId, today().minusDays(2).toString()).then().statusCode(200);
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(Map.of("hours", 8.5))
                .when().put(path, learner, enrolmentId, today().toString())
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("hours")).body("violations[0].rule", equalTo("hours.max-8-per-day"));
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(Map.of("hours", 0))
                .when().put(path, learner, enrolmentId, today().toString())
                .then().statusCode(422).body("violations[0].rule", equalTo("hours.positive"));
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/learners/{id}", learner)
                .then().statusCode(200).body("enrolments[0].hours", equalTo(11.5f));
        assertThat(count("select count(*) from training_hours h join enrolment e on e.id = h.enrolment_id where e.person_id = ?",
                learner)).isEqualTo(2);
    }

    @Test
    void domain_4b_goal_met_on_the_last_skill_completes_the_Norwegian_course_once() {
        UUID learner = newLearner(OSLO); // education unknown → PRIMARY goal: B1 in all four skills
        String municipal = provider(OSLO, municipalProvider(OSLO));
        String enrolmentId = enrol(learner, enrolment("NORWEGIAN", municipal, today().minusMonths(2)));

        norwegianTest(learner, "B1", "B2", "B1", "A2");
        assertThat(outboxCount(learner, "NorwegianTestCompleted")).isEqualTo(1);
        assertThat(outboxCount(learner, "CourseCompleted")).isZero();

        norwegianTest(learner, null, null, null, "B1"); // the last skill reaches its goal
        norwegianTest(learner, "B2", "B2", "B2", "B2"); // already completed: no second CourseCompleted
        assertThat(outboxCount(learner, "NorwegianTestCompleted")).isEqualTo(3);
        assertThat(outboxCount(learner, "CourseCompleted")).isEqualTo(1);

        CourseCompleted completed = published(learner, CourseCompleted.class, 1).get(0);
        assertThat(completed).isEqualTo(new CourseCompleted(learner, OSLO, UUID.fromString(enrolmentId), CourseType.NORWEGIAN,
                today()));
        NorwegianTestCompleted first = published(learner, NorwegianTestCompleted.class, 3).get(0);
        assertThat(first.oralLevel()).isEqualTo(CefrLevel.A2);
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/learners/{id}", learner)
                .then().statusCode(200).body("learner.norwegianGoalReachedOn", equalTo(today().toString()))
                .body("enrolments[0].completedOn", equalTo(today().toString()));
    }

    @Test
    void social_studies_failed_then_passed_completes_the_course_once() {
        UUID learner = newLearner(OSLO);
        String municipal = provider(OSLO, municipalProvider(OSLO));
        // social studies is taught in a language the learner understands; the provider must exist
        Map<String, Object> noLanguage = enrolment("SOCIAL_STUDIES", municipal, today().minusMonths(1));
        noLanguage.remove("languageOfInstruction");
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(noLanguage)
                .when().post("/api/v1/learners/{id}/enrolments", learner)
                .then().statusCode(422).body("violations.rule", hasItem("social-studies.language-required"));
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON)
                .body(enrolment("SOCIAL_STUDIES", UUID.randomUUID().toString(), today().minusMonths(1)))
                .when().post("/api/v1/learners/{id}/enrolments", learner)
                .then().statusCode(422).body("violations.rule", hasItem("provider.unknown"));
        assertThat(count("select count(*) from enrolment where person_id = ?", learner)).isZero();
        enrol(learner, enrolment("SOCIAL_STUDIES", municipal, today().minusMonths(1)));
        for (boolean passed : new boolean[] {false, true, true}) {
            given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON)
                    .body(Map.of("testDate", today().toString(), "passed", passed))
                    .when().post("/api/v1/learners/{id}/social-studies-tests", learner).then().statusCode(201);
        }
        assertThat(outboxCount(learner, "SocialStudiesTestCompleted")).isEqualTo(3);
        assertThat(outboxCount(learner, "CourseCompleted")).isEqualTo(1);
        assertThat(published(learner, SocialStudiesTestCompleted.class, 3).get(0).passed()).isFalse();
        assertThat(published(learner, CourseCompleted.class, 1).get(0).course()).isEqualTo(CourseType.SOCIAL_STUDIES);
    }

    @Test
    void integreringsloven_29_exempt_course_cannot_be_enrolled_and_a_second_exemption_is_409() {
        UUID learner = newLearner(OSLO);
        String municipal = provider(OSLO, municipalProvider(OSLO));
        Map<String, Object> exemption = Map.of("course", "NORWEGIAN", "legalBasis", "DOCUMENTED_NORWEGIAN_OR_SAMI_SKILLS",
                "documentationType", "NORWEGIAN_TEST_B1_ALL_SKILLS", "decidedOn", today().toString());
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(exemption)
                .when().post("/api/v1/learners/{id}/exemptions", learner).then().statusCode(201);
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(exemption)
                .when().post("/api/v1/learners/{id}/exemptions", learner)
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].rule", equalTo("integreringsloven-29.once-per-course"));
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(enrolment("NORWEGIAN", municipal, today()))
                .when().post("/api/v1/learners/{id}/enrolments", learner)
                .then().statusCode(422).body("violations[0].rule", equalTo("integreringsloven-29.exempt"));
        Map<String, Object> wrongBasis = Map.of("course", "SOCIAL_STUDIES", "legalBasis", "DOCUMENTED_NORWEGIAN_OR_SAMI_SKILLS",
                "documentationType", "PRIMARY_SCHOOL_GRADE", "decidedOn", today().toString());
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(wrongBasis)
                .when().post("/api/v1/learners/{id}/exemptions", learner)
                .then().statusCode(422).body("violations[0].rule", equalTo("integreringsloven-29.basis-fits-course"));
        assertThat(count("select count(*) from exemption where person_id = ?", learner)).isEqualTo(1);
        assertThat(outboxCount(learner, "LearnerEnrolled")).isZero();
    }

    @Test
    void bad_input_is_400_problem_json_naming_the_field_and_nothing_is_written() {
        UUID learner = newLearner(OSLO);
        Map<String, Object> body = new HashMap<>();
        body.put("course", "KNITTING");
        body.put("startDate", today().toString());
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/learners/{id}/enrolments", learner)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("course"));
        body.put("course", "NORWEGIAN");
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/learners/{id}/enrolments", learner)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("providerId"));
        Map<String, Object> c1 = Map.of("testType", "NORSKPROVE_C1", "testDate", today().toString(), "readingLevel", "C1",
                "oralLevel", "B2");
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(c1)
                .when().post("/api/v1/learners/{id}/norwegian-tests", learner)
                .then().statusCode(422).body("violations[0].rule", equalTo("norwegian-test.c1-combined-subtests"));
        assertThat(count("select count(*) from enrolment where person_id = ?", learner)).isZero();
        assertThat(count("select count(*) from norwegian_test where person_id = ?", learner)).isZero();
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/learners/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void only_municipal_caseworkers_of_the_learners_municipality() {
        UUID learner = newLearner(OSLO);
        given().when().get("/api/v1/learners/{id}", learner).then().statusCode(401);
        given().auth().oauth2(caseworker(BERGEN)).when().get("/api/v1/learners/{id}", learner)
                .then().statusCode(404).contentType("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(no.nystart.platform.testing.TestPages.values(caseworker(BERGEN),
                "/api/v1/learners", "personId")).doesNotContain(learner.toString());
        given().auth().oauth2(caseworker(BERGEN)).queryParam("municipality", OSLO).when().get("/api/v1/learners")
                .then().statusCode(403);
        String officer = TestInfrastructure.get().tokens().token().roles(Roles.SETTLEMENT_OFFICER).sign();
        given().auth().oauth2(officer).when().get("/api/v1/learners/{id}", learner).then().statusCode(403);
        String noClaim = TestInfrastructure.get().tokens().token().roles(Roles.MUNICIPAL_CASEWORKER).sign();
        given().auth().oauth2(noClaim).when().get("/api/v1/learners").then().statusCode(403);
        given().auth().oauth2(caseworker(BERGEN)).contentType(ContentType.JSON)
                .body(Map.of("testDate", today().toString(), "passed", true))
                .when().post("/api/v1/learners/{id}/social-studies-tests", learner).then().statusCode(404);
        assertThat(count("select count(*) from social_studies_test where person_id = ?", learner)).isZero();
    }

    @Test
    void existence_rule_a_learner_of_another_municipality_is_404_exactly_like_an_unknown_id() {
        UUID learner = newLearner(OSLO);
        UUID unknown = UUID.randomUUID();
        for (UUID id : List.of(learner, unknown)) {
            for (String path : List.of("/api/v1/learners/{id}", "/api/v1/persons/{id}/history")) {
                given().auth().oauth2(caseworker(BERGEN)).when().get(path, id)
                        .then().statusCode(404).contentType("application/problem+json")
                        .body("title", equalTo("Not found")).body("detail", equalTo("learner " + id + " does not exist"));
            }
        }
        // the learner's own municipality still reads it
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/learners/{id}", learner).then().statusCode(200);
    }

    @Test
    void learners_close_to_the_deadline_without_the_goal_are_listed() {
        // permit 3 years minus 60 days ago: the 3-year deadline is within 90 days
        LocalDate permit = today().minusYears(3).plusDays(60);
        PersonSettled close = settled(LocalDate.of(1985, 1, 1), PermitType.REFUGEE, permit, BERGEN);
        PersonSettled far = settled(LocalDate.of(1985, 1, 1), PermitType.REFUGEE, today().minusMonths(1), BERGEN);
        PersonSettled exempt = settled(LocalDate.of(1985, 1, 1), PermitType.REFUGEE, permit, BERGEN);
        publish(Topics.SETTLEMENT, close);
        publish(Topics.SETTLEMENT, exempt);
        publish(Topics.SETTLEMENT, far);
        awaitLearner(far.personId(), BERGEN);
        given().auth().oauth2(caseworker(BERGEN)).contentType(ContentType.JSON)
                .body(Map.of("course", "NORWEGIAN", "legalBasis", "HEALTH_OR_OTHER_WEIGHTY_REASONS",
                        "documentationType", "MEDICAL_CERTIFICATE", "decidedOn", today().toString()))
                .when().post("/api/v1/learners/{id}/exemptions", exempt.personId()).then().statusCode(201);
        java.util.List<Object> closeIds = no.nystart.platform.testing.TestPages.values(caseworker(BERGEN),
                "/api/v1/learners/close-to-deadline", "personId");
        org.assertj.core.api.Assertions.assertThat(closeIds).contains(close.personId().toString())
                .doesNotContain(exempt.personId().toString()).doesNotContain(far.personId().toString());
    }

    @Test
    void domain_4b_caseworker_sets_upper_secondary_with_documented_B2_need_and_approved_leave_extends_the_deadline() {
        LocalDate permit = today().minusMonths(6);
        UUID learner = newLearner(OSLO);
        String path = "/api/v1/learners/{id}/education-background";
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON)
                .body(Map.of("educationLevel", "PRIMARY", "documentedB2Need", true))
                .when().put(path, learner)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("documentedB2Need"))
                .body("violations[0].rule", equalTo("norwegian-goal.b2-needs-upper-secondary"));
        assertThat(outboxCount(learner, "LearnerRightsEstablished")).isEqualTo(1);

        LocalDate eighteenMonths = permit.plusMonths(18).minusDays(1);
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON)
                .body(Map.of("educationLevel", "UPPER_SECONDARY", "documentedB2Need", true))
                .when().put(path, learner)
                .then().statusCode(200)
                .body("norwegianGoal.reading", equalTo("B2")).body("norwegianGoal.oral", equalTo("B2"))
                .body("trainingDeadline", equalTo(eighteenMonths.toString()));
        java.util.List<no.nystart.contracts.adulteducation.LearnerRightsEstablished> rights =
                published(learner, no.nystart.contracts.adulteducation.LearnerRightsEstablished.class, 2);
        assertThat(rights.get(rights.size() - 1).writingGoal()).isEqualTo(CefrLevel.B2);
        assertThat(rights.get(rights.size() - 1).trainingDeadline()).isEqualTo(eighteenMonths);

        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON)
                .body(Map.of("from", today().minusDays(10).toString(), "to", today().minusDays(1).toString()))
                .when().post("/api/v1/learners/{id}/leaves", learner)
                .then().statusCode(200).body("approvedLeaveDays", equalTo(10))
                .body("trainingDeadline", equalTo(eighteenMonths.plusDays(10).toString()));
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON)
                .body(Map.of("from", today().toString(), "to", today().minusDays(1).toString()))
                .when().post("/api/v1/learners/{id}/leaves", learner)
                .then().statusCode(422).body("violations[0].rule", equalTo("leave.period-order"));
        assertThat(count("select approved_leave_days from learner where person_id = ?", learner)).isEqualTo(10);
    }

    @Test
    void domain_4b_NIR_start_within_3_months_of_settlement_report() {
        String stavanger = "1103";
        LocalDate permit = today().minusMonths(8); // settled two months after the permit: six months ago
        PersonSettled within = settled(LocalDate.of(1991, 1, 1), PermitType.REFUGEE, permit, stavanger);
        PersonSettled later = settled(LocalDate.of(1991, 1, 1), PermitType.REFUGEE, permit, stavanger);
        PersonSettled never = settled(LocalDate.of(1991, 1, 1), PermitType.REFUGEE, permit, stavanger);
        PersonSettled recent = settled(LocalDate.of(1991, 1, 1), PermitType.REFUGEE, today().minusMonths(3), stavanger);
        for (PersonSettled p : new PersonSettled[] {within, later, never, recent}) {
            publish(Topics.SETTLEMENT, p);
        }
        awaitLearner(recent.personId(), stavanger);
        String centre = provider(stavanger, municipalProvider(stavanger));
        given().auth().oauth2(caseworker(stavanger)).contentType(ContentType.JSON)
                .body(enrolment("NORWEGIAN", centre, within.settledOn().plusMonths(3)))
                .when().post("/api/v1/learners/{id}/enrolments", within.personId()).then().statusCode(201);
        given().auth().oauth2(caseworker(stavanger)).contentType(ContentType.JSON)
                .body(enrolment("NORWEGIAN", centre, later.settledOn().plusMonths(3).plusDays(1)))
                .when().post("/api/v1/learners/{id}/enrolments", later.personId()).then().statusCode(201);
        given().auth().oauth2(caseworker(stavanger)).when().get("/api/v1/learners/start-report")
                .then().statusCode(200)
                .body("municipality", equalTo(stavanger)).body("months", equalTo(3)).body("learners", equalTo(4))
                .body("startedWithin", equalTo(1)).body("startedLater", equalTo(1))
                .body("notStartedWindowPassed", equalTo(1)).body("windowStillOpen", equalTo(1));
    }
}
