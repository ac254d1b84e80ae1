package no.nystart.grants.api;

import static io.restassured.RestAssured.given;
import static no.nystart.grants.api.GrantTestSupport.awaitPerson;
import static no.nystart.grants.api.GrantTestSupport.awaitProcessed;
import static no.nystart.grants.api.GrantTestSupport.count;
import static no.nystart.grants.api.GrantTestSupport.finance;
import static no.nystart.grants.api.GrantTestSupport.installTestRates;
import static no.nystart.grants.api.GrantTestSupport.officer;
import static no.nystart.grants.api.GrantTestSupport.publishOwn;
import static no.nystart.grants.api.GrantTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Sex;
import no.nystart.contracts.Topics;
import no.nystart.contracts.adulteducation.Entitlement;
import no.nystart.contracts.adulteducation.LearnerRightsEstablished;
import no.nystart.contracts.grants.GrantClaimRegistered;
import no.nystart.contracts.grants.GrantCode;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.contracts.settlement.ArrivalRoute;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.contracts.settlement.RelocationType;
import no.nystart.contracts.settlement.SettlementType;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The training grants from LearnerRightsEstablished (docs/domain/grants.md#5f), ResidentRegistered and CompetenceMapped
 * (docs/domain/reception.md#1d, docs/domain/grants.md#5g) against the real broker, PostgreSQL and signed tokens, with the test rate table of
 * {@link GrantTestSupport#TEST_RATES} (P-AR1/2/3-H 30 000 / 60 000 / 45 000, P-AR1/2/3-L 13 000 / 24 000 / 15 000,
 * P37D-AR1 48 000, reception training 18 000, competence mapping 1 300; years 2031-2037).
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "grant_accounting_test"))
class TrainingGrantTest {

    @BeforeEach
    void rates() {
        installTestRates();
    }

    private static PersonSettled settled(UUID personId, String citizenship, String municipality, LocalDate settledOn) {
        return new PersonSettled(personId, LocalDate.of(1990, 4, 4), Sex.MALE, citizenship, PermitType.REFUGEE,
                settledOn.minusMonths(2), Regime.INTEGRERINGSLOVEN, ArrivalRoute.ASYLUM, false, UUID.randomUUID(), 2,
                SettlementType.BY_AGREEMENT, municipality, settledOn);
    }

    private static LearnerRightsEstablished rights(UUID personId, String municipality, Entitlement entitlement, Regime regime,
            LocalDate establishedOn, LocalDate deadline) {
        return new LearnerRightsEstablished(personId, municipality, entitlement, regime, establishedOn, EducationLevel.PRIMARY,
                deadline, CefrLevel.B1, CefrLevel.B1, CefrLevel.A2, CefrLevel.B1);
    }

    private static ResidentRegistered resident(UUID personId, String host, LocalDate registeredOn, LocalDate birthDate,
            String citizenship, AsylumProcedure procedure) {
        return new ResidentRegistered(personId, UUID.randomUUID(), host, registeredOn, birthDate, Sex.FEMALE, citizenship,
                null, procedure);
    }

    private static CompetenceMapped mapped(UUID personId, String host, LocalDate mappedOn) {
        return new CompetenceMapped(personId, mappedOn, host, List.of(), EducationLevel.UPPER_SECONDARY, 12, List.of(), List.of());
    }

    private static List<String> entries(UUID personId) {
        return rows("select grant_code, grant_year, budget_year, payout_quarter, amount_nok, municipality, causing_event_type "
                + "from ledger_entry where person_id = ? order by grant_year, grant_code", personId);
    }

    @Test
    void domain_5f_right_and_duty_Syria_high_rate_three_years_to_the_municipality_even_with_an_18_month_deadline() {
        UUID person = UUID.randomUUID();
        awaitProcessed(GrantTestSupport.publish(settled(person, "SYR", "1108", LocalDate.of(2031, 3, 1))));
        LearnerRightsEstablished right = rights(person, "1108", Entitlement.RIGHT_AND_DUTY, Regime.INTEGRERINGSLOVEN,
                LocalDate.of(2031, 5, 10), LocalDate.of(2032, 11, 10));
        String id = UUID.randomUUID().toString();
        publishOwn(right, id);
        publishOwn(right, id);   // redelivery: the inbox drops it
        String again = publishOwn(right);   // the same right under another ce_id: the person's right is known, nothing new
        awaitProcessed(id);
        awaitProcessed(again);
        // hand-computed: 30 000 (2031, Q2: first term on/after 10 May) + 60 000 (2032 Q1) + 45 000 (2033 Q1) = 135 000
        assertThat(entries(person).stream().filter(r -> r.startsWith("P-AR")).toList()).containsExactly(
                "P-AR1-H|2031|2031|2|30000|1108|LearnerRightsEstablished",
                "P-AR2-H|2032|2032|1|60000|1108|LearnerRightsEstablished",
                "P-AR3-H|2033|2033|1|45000|1108|LearnerRightsEstablished");
        assertThat(count("select coalesce(sum(amount_nok), 0) from ledger_entry where person_id = ? and grant_code like 'P-AR%'", person))
                .isEqualTo(135_000);
        GrantClaimRegistered event = EventJson.read(TestInfrastructure.get().kafka().awaitRecord(Topics.GRANTS,
                r -> person.toString().equals(r.key()) && new String(r.value()).contains("P-AR1-H"), Duration.ofSeconds(60)).value(),
                GrantClaimRegistered.class);
        assertThat(event.grantCode()).isEqualTo(GrantCode.P_AR1_H);
        assertThat(event.amountNok()).isEqualTo(30_000);
        assertThat(event.municipality()).isEqualTo("1108");
        assertThat(event.settlementYearIndex()).isNull();
        assertThat(event.causingEventId()).isEqualTo(UUID.fromString(id));
    }

    @Test
    void domain_5f_low_rate_for_a_Western_European_country_and_the_configured_default_high_for_an_unlisted_country() {
        UUID german = UUID.randomUUID();
        UUID bhutanese = UUID.randomUUID();
        awaitProcessed(GrantTestSupport.publish(settled(german, "DEU", "1106", LocalDate.of(2031, 1, 20))));
        awaitProcessed(GrantTestSupport.publish(settled(bhutanese, "BTN", "1106", LocalDate.of(2031, 1, 20))));
        assertThat(count("select count(*) from country_rate_group where citizenship = 'BTN'")).isZero();
        awaitProcessed(publishOwn(rights(german, "1106", Entitlement.RIGHT_AND_DUTY, Regime.INTEGRERINGSLOVEN,
                LocalDate.of(2032, 2, 2), LocalDate.of(2035, 2, 2))));
        awaitProcessed(publishOwn(rights(bhutanese, "1106", Entitlement.RIGHT_AND_DUTY, Regime.INTEGRERINGSLOVEN,
                LocalDate.of(2032, 2, 2), LocalDate.of(2035, 2, 2))));
        // established 2 February 2032: year 1 in Q1 2032, years 2-3 in Q1 2033/2034
        assertThat(rows("select grant_code, amount_nok from ledger_entry where person_id = ? and grant_code like 'P-AR%' order by grant_year", german))
                .containsExactly("P-AR1-L|13000", "P-AR2-L|24000", "P-AR3-L|15000");
        assertThat(rows("select grant_code, amount_nok from ledger_entry where person_id = ? and grant_code like 'P-AR%' order by grant_year", bhutanese))
                .containsExactly("P-AR1-H|30000", "P-AR2-H|60000", "P-AR3-H|45000");
    }

    @Test
    void domain_5f_a_right_waits_for_the_country_background_and_is_claimed_when_the_person_is_settled() {
        UUID person = UUID.randomUUID();
        awaitProcessed(publishOwn(rights(person, "1103", Entitlement.RIGHT_AND_DUTY, Regime.INTEGRERINGSLOVEN,
                LocalDate.of(2031, 8, 1), LocalDate.of(2034, 8, 1))));
        assertThat(count("select count(*) from learner_grant_basis where person_id = ?", person)).isEqualTo(1);
        assertThat(count("select count(*) from claim_due where person_id = ?", person)).isZero();
        awaitProcessed(GrantTestSupport.publish(settled(person, "USA", "1103", LocalDate.of(2031, 6, 1))));
        assertThat(rows("select grant_code, budget_year, payout_quarter, amount_nok, municipality from ledger_entry "
                + "where person_id = ? and grant_code like 'P-AR%' order by grant_year", person))
                .containsExactly("P-AR1-L|2031|3|13000|1103", "P-AR2-L|2032|1|24000|1103", "P-AR3-L|2033|1|15000|1103");
    }

    @Test
    void domain_5f_duty_only_section_28_gives_nothing_and_the_reason_is_shown_with_the_persons_claims() {
        UUID person = UUID.randomUUID();
        awaitProcessed(GrantTestSupport.publish(settled(person, "ERI", "1119", LocalDate.of(2031, 3, 3))));
        awaitProcessed(publishOwn(rights(person, "1119", Entitlement.DUTY_ONLY, Regime.INTEGRERINGSLOVEN,
                LocalDate.of(2031, 4, 4), LocalDate.of(2034, 4, 4))));
        assertThat(count("select count(*) from claim_due where person_id = ? and grant_code like 'P%'", person)).isZero();
        JsonPath claims = given().auth().oauth2(officer()).when().get("/api/v1/persons/" + person + "/claims")
                .then().statusCode(200).extract().jsonPath();
        assertThat(claims.getList("grantExclusions.scheme")).containsExactly("NORWEGIAN_TRAINING");
        assertThat(claims.getString("grantExclusions[0].reason")).contains("§ 28");
        assertThat(claims.getString("grantExclusions[0].causingEventType")).isEqualTo("LearnerRightsEstablished");
    }

    @Test
    void domain_5f_collective_protection_right_only_gives_the_one_year_section_37d_grant() {
        UUID person = UUID.randomUUID();
        awaitProcessed(publishOwn(rights(person, "1120", Entitlement.RIGHT_ONLY, Regime.KAP_6A,
                LocalDate.of(2033, 10, 2), LocalDate.of(2034, 10, 2))));
        // no citizenship is needed for § 37 d; 2 October is after the Q3 cut-off (1 October): Q4
        assertThat(entries(person)).containsExactly("P37D-AR1|2033|2033|4|48000|1120|LearnerRightsEstablished");
    }

    @Test
    void domain_5f_person_grant_years_without_a_rate_wait_and_are_registered_when_their_years_table_arrives() {
        UUID person = UUID.randomUUID();
        awaitProcessed(GrantTestSupport.publish(settled(person, "AFG", "5001", LocalDate.of(2055, 1, 10))));
        awaitProcessed(publishOwn(rights(person, "5001", Entitlement.RIGHT_AND_DUTY, Regime.INTEGRERINGSLOVEN,
                LocalDate.of(2055, 3, 3), LocalDate.of(2058, 3, 3))));
        assertThat(count("select count(*) from ledger_entry where person_id = ?", person)).isZero();
        JsonPath claims = given().auth().oauth2(officer()).when().get("/api/v1/persons/" + person + "/claims")
                .then().statusCode(200).extract().jsonPath();
        assertThat(claims.getList("pending.grantCode")).contains("P-AR1-H", "P-AR2-H", "P-AR3-H");
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(GrantTestSupport.rateTableBody(Map.of("P-AR2-H", 61_000L)))
                .when().put("/api/v1/rate-tables/2056").then().statusCode(200);
        // only year 2 has its year's table; years 1 and 3 are never taken from 2056's
        assertThat(rows("select grant_code, grant_year, amount_nok, rate_table_version from ledger_entry where person_id = ?", person))
                .containsExactly("P-AR2-H|2056|61000|2056-1");
        // still waiting: year 1 of settlement (AR-1, ELDR at 65) and person-grant years 1 and 3
        assertThat(rows("select grant_code from claim_due d where person_id = ? and not exists "
                + "(select 1 from ledger_entry e where e.due_id = d.id) order by grant_code", person))
                .containsExactly("AR-1", "ELDR", "P-AR1-H", "P-AR3-H");
    }

    @Test
    void domain_5f_on_a_move_the_person_grant_of_later_years_follows_the_person_the_moving_year_stays() {
        // municipalities 4203 (moved from) and 4205 (moved to) are this test's own; 2038 has no rate table yet
        UUID person = UUID.randomUUID();
        awaitProcessed(GrantTestSupport.publish(settled(person, "SYR", "4203", LocalDate.of(2035, 2, 1))));
        awaitProcessed(publishOwn(rights(person, "4203", Entitlement.RIGHT_AND_DUTY, Regime.INTEGRERINGSLOVEN,
                LocalDate.of(2036, 3, 3), LocalDate.of(2039, 3, 3))));
        // training years 2036 (30 000, Q1), 2037 (60 000, Q1) registered; 2038 waits for its table
        assertThat(rows("select grant_code, grant_year, amount_nok, municipality from ledger_entry where person_id = ? "
                + "and grant_code like 'P-AR%' order by grant_year", person))
                .containsExactly("P-AR1-H|2036|30000|4203", "P-AR2-H|2037|60000|4203");
        List<String> dueBefore = rows("select id, claim_key, municipality from claim_due where person_id = ? and grant_year = 2038", person);
        assertThat(dueBefore).hasSize(1).allMatch(r -> r.endsWith("|4203"));

        String moveId = GrantTestSupport.publish(new PersonRelocated(person, "4203", "4205", LocalDate.of(2036, 6, 15),
                RelocationType.ON_OWN, null));
        awaitProcessed(moveId);
        // the moving year 2036 stays with 4203; 2037 is reversed and registered again for 4205 (same year, quarter, amount)
        assertThat(rows("select grant_year, municipality, sum(amount_nok) from ledger_entry where person_id = ? "
                + "and grant_code like 'P-AR%' group by grant_year, municipality order by grant_year, municipality", person))
                .containsExactly("2036|4203|30000", "2037|4203|0", "2037|4205|60000");
        assertThat(rows("select kind, municipality, amount_nok, budget_year, payout_quarter, reversal_reason from ledger_entry "
                + "where person_id = ? and causing_event_id = cast(? as uuid) and grant_code like 'P-AR%' order by kind", person, moveId))
                .containsExactly("CLAIM|4205|60000|2037|1|null", "REVERSAL|4203|-60000|2037|1|RELOCATION_SPLIT");
        // the claim due of 2038 moved with the person: same id and claim key, new municipality
        String due = dueBefore.get(0);
        assertThat(rows("select id, claim_key, municipality from claim_due where person_id = ? and grant_year = 2038", person))
                .containsExactly(due.substring(0, due.lastIndexOf('|')) + "|4205");
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(GrantTestSupport.rateTableBody(Map.of("P-AR3-H", 45_000L)))
                .when().put("/api/v1/rate-tables/2038").then().statusCode(200);
        assertThat(rows("select grant_code, amount_nok, municipality from ledger_entry where person_id = ? and grant_year = 2038", person))
                .containsExactly("P-AR3-H|45000|4205");
        // the person's training total is unchanged: 30 000 + 60 000 + 45 000
        assertThat(count("select sum(amount_nok) from ledger_entry where person_id = ? and grant_code like 'P-AR%'", person))
                .isEqualTo(135_000);
    }

    @Test
    void domain_5f_section_27_no_person_grant_outside_ages_18_to_67_on_the_date_the_right_is_established_reason_recorded() {
        // established 1 June 2031; municipalities 1121 and 1122 are this test's own
        LocalDate established = LocalDate.of(2031, 6, 1);
        UUID turned68 = UUID.randomUUID();     // born 1 June 1963: 68 that day
        UUID still67 = UUID.randomUUID();      // born 2 June 1963: 67 that day
        awaitProcessed(GrantTestSupport.publish(new PersonSettled(turned68, LocalDate.of(1963, 6, 1), Sex.MALE, "SYR",
                PermitType.REFUGEE, LocalDate.of(2031, 1, 1), Regime.INTEGRERINGSLOVEN, ArrivalRoute.ASYLUM, false,
                UUID.randomUUID(), 2, SettlementType.BY_AGREEMENT, "1121", LocalDate.of(2031, 3, 1))));
        awaitProcessed(GrantTestSupport.publish(new PersonSettled(still67, LocalDate.of(1963, 6, 2), Sex.MALE, "SYR",
                PermitType.REFUGEE, LocalDate.of(2031, 1, 1), Regime.INTEGRERINGSLOVEN, ArrivalRoute.ASYLUM, false,
                UUID.randomUUID(), 2, SettlementType.BY_AGREEMENT, "1121", LocalDate.of(2031, 3, 1))));
        awaitProcessed(publishOwn(rights(turned68, "1121", Entitlement.RIGHT_AND_DUTY, Regime.INTEGRERINGSLOVEN, established,
                LocalDate.of(2034, 6, 1))));
        awaitProcessed(publishOwn(rights(still67, "1121", Entitlement.RIGHT_AND_DUTY, Regime.INTEGRERINGSLOVEN, established,
                LocalDate.of(2034, 6, 1))));
        assertThat(count("select count(*) from claim_due where person_id = ? and grant_code like 'P-AR%'", turned68)).isZero();
        JsonPath claims = given().auth().oauth2(officer()).when().get("/api/v1/persons/" + turned68 + "/claims")
                .then().statusCode(200).extract().jsonPath();
        assertThat(claims.getList("grantExclusions.scheme")).containsExactly("NORWEGIAN_TRAINING");
        assertThat(claims.getString("grantExclusions[0].reason")).contains("§ 27").contains("was 68");
        // 67: the three years as usual, 30 000 + 60 000 + 45 000 = 135 000
        assertThat(count("select coalesce(sum(amount_nok), 0) from ledger_entry where person_id = ? and grant_code like 'P-AR%'", still67))
                .isEqualTo(135_000);

        // a 17-year-old known from reception only: the right waits for the country background, then the age excludes it
        UUID minor = UUID.randomUUID();      // born 2 June 2013: 17 on 1 June 2031
        awaitProcessed(publishOwn(rights(minor, "1122", Entitlement.RIGHT_AND_DUTY, Regime.INTEGRERINGSLOVEN, established,
                LocalDate.of(2034, 6, 1))));
        awaitProcessed(publishOwn(resident(minor, "1122", LocalDate.of(2031, 7, 1), LocalDate.of(2013, 6, 2), "AFG",
                AsylumProcedure.NORMAL)));
        assertThat(count("select count(*) from claim_due where person_id = ? and grant_code like 'P-AR%'", minor)).isZero();
        assertThat(rows("select reason from grant_exclusion where person_id = ? and scheme = 'NORWEGIAN_TRAINING'", minor))
                .singleElement().asString().contains("§ 27").contains("was 17");
    }

    @Test
    void domain_1d_reception_training_grant_once_per_person_to_the_host_municipality_in_the_quarter_after_registration() {
        ResidentRegistered adult = resident(UUID.randomUUID(), "1103", LocalDate.of(2031, 2, 10), LocalDate.of(1988, 1, 1),
                "SYR", AsylumProcedure.NORMAL);
        String id = UUID.randomUUID().toString();
        publishOwn(adult, id);
        publishOwn(adult, id);                 // redelivery
        String again = publishOwn(adult);      // the same person again: once per person
        awaitProcessed(id);
        awaitProcessed(again);
        assertThat(entries(adult.personId())).containsExactly("NYSTART-MOTTAK-OPPL|2031|2031|1|18000|1103|ResidentRegistered");
    }

    @Test
    void domain_1b_no_reception_training_grant_without_the_duty_Dublin_or_under_18_and_the_reason_is_recorded() {
        ResidentRegistered dublin = resident(UUID.randomUUID(), "1103", LocalDate.of(2031, 5, 5), LocalDate.of(1985, 1, 1),
                "SYR", AsylumProcedure.DUBLIN);
        ResidentRegistered minor = resident(UUID.randomUUID(), "1103", LocalDate.of(2031, 5, 5), LocalDate.of(2014, 1, 1),
                "SYR", AsylumProcedure.NORMAL);
        awaitProcessed(publishOwn(dublin));
        awaitProcessed(publishOwn(minor));
        assertThat(count("select count(*) from claim_due where person_id in (?, ?)", dublin.personId(), minor.personId())).isZero();
        assertThat(rows("select reason from grant_exclusion where person_id = ?", dublin.personId()).get(0)).contains("Dublin");
        assertThat(rows("select reason from grant_exclusion where person_id = ?", minor.personId()).get(0)).contains("§ 5").contains("aged 17");
    }

    @Test
    void domain_1d_competence_mapping_grant_once_per_person_paid_in_December_and_not_for_collective_protection() {
        UUID person = UUID.randomUUID();
        awaitProcessed(publishOwn(resident(person, "1124", LocalDate.of(2031, 1, 5), LocalDate.of(1990, 1, 1), "SOM",
                AsylumProcedure.NORMAL)));
        String first = publishOwn(mapped(person, "1124", LocalDate.of(2031, 6, 1)));
        String second = publishOwn(mapped(person, "1124", LocalDate.of(2032, 6, 1)));   // mapped again: still once
        awaitProcessed(first);
        awaitProcessed(second);
        assertThat(rows("select grant_code, grant_year, budget_year, payout_quarter, amount_nok, municipality from ledger_entry "
                + "where person_id = ? and grant_code = 'NYSTART-MOTTAK-KART'", person))
                .containsExactly("NYSTART-MOTTAK-KART|2031|2031|4|1300|1124");
        // a finance officer of the host municipality sees the person's reception grants
        given().auth().oauth2(finance("1124")).when().get("/api/v1/persons/" + person + "/claims").then().statusCode(200);
        given().auth().oauth2(finance("0301")).when().get("/api/v1/persons/" + person + "/claims").then().statusCode(404);

        UUID collective = UUID.randomUUID();
        awaitProcessed(publishOwn(resident(collective, "1124", LocalDate.of(2031, 1, 5), LocalDate.of(1990, 1, 1), "UKR",
                AsylumProcedure.COLLECTIVE_PROTECTION)));
        awaitProcessed(publishOwn(mapped(collective, "1124", LocalDate.of(2031, 6, 1))));
        assertThat(count("select count(*) from claim_due where person_id = ?", collective)).isZero();
        assertThat(rows("select scheme from grant_exclusion where person_id = ? order by scheme", collective))
                .containsExactly("COMPETENCE_MAPPING", "RECEPTION_TRAINING");
    }

    @Test
    void domain_5f_a_resident_in_reception_gets_the_person_grant_with_the_country_background_from_the_registration() {
        UUID person = UUID.randomUUID();
        awaitProcessed(publishOwn(rights(person, "1133", Entitlement.RIGHT_AND_DUTY, Regime.INTEGRERINGSLOVEN,
                LocalDate.of(2034, 1, 15), LocalDate.of(2037, 1, 15))));
        assertThat(count("select count(*) from claim_due where person_id = ?", person)).isZero();
        awaitProcessed(publishOwn(resident(person, "1133", LocalDate.of(2033, 11, 5), LocalDate.of(1991, 1, 1), "CAN",
                AsylumProcedure.NORMAL)));
        assertThat(entries(person)).containsExactly(
                "NYSTART-MOTTAK-OPPL|2033|2034|1|18000|1133|ResidentRegistered",
                "P-AR1-L|2034|2034|1|13000|1133|LearnerRightsEstablished",
                "P-AR2-L|2035|2035|1|24000|1133|LearnerRightsEstablished",
                "P-AR3-L|2036|2036|1|15000|1133|LearnerRightsEstablished");
    }
}
