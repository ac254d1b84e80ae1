package no.nystart.grants.api;

import static io.restassured.RestAssured.given;
import static no.nystart.grants.api.GrantTestSupport.annualRuns;
import static no.nystart.grants.api.GrantTestSupport.awaitPerson;
import static no.nystart.grants.api.GrantTestSupport.awaitProcessed;
import static no.nystart.grants.api.GrantTestSupport.count;
import static no.nystart.grants.api.GrantTestSupport.installTestRates;
import static no.nystart.grants.api.GrantTestSupport.net;
import static no.nystart.grants.api.GrantTestSupport.officer;
import static no.nystart.grants.api.GrantTestSupport.publish;
import static no.nystart.grants.api.GrantTestSupport.rows;
import static no.nystart.grants.api.GrantTestSupport.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Topics;
import no.nystart.contracts.grants.GrantClaimRegistered;
import no.nystart.contracts.grants.GrantClaimReversed;
import no.nystart.contracts.grants.GrantCode;
import no.nystart.contracts.grants.GrantStatementIssued;
import no.nystart.contracts.grants.ReversalReason;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.contracts.settlement.RelocationType;
import no.nystart.platform.testing.ContractSchemas;
import no.nystart.platform.testing.KafkaTestClient;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-computed examples of issue 8 against the real broker, PostgreSQL and signed tokens, with the test rate
 * table of {@link GrantTestSupport#TEST_RATES} (AR-1 EV 200 000, AR-1 180 000, AR-1 B 170 000, ELDR 150 000,
 * BHT 30 000, AR-2 120 000, AR-3 100 002, AR-4 80 000, AR-5 60 000, EMINB 1 000 000, EMINU 700 000).
 * Each example uses its own municipality, so its totals are its own.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "grant_accounting_test"))
class GrantLedgerTest {

    @BeforeEach
    void rates() {
        installTestRates();
    }

    /** The test rates as the rate table of {@code year} (years the shared set of 2031-2037 does not cover). */
    private static void rates(int year) {
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(GrantTestSupport.rateTableBody(GrantTestSupport.TEST_RATES))
                .when().put("/api/v1/rate-tables/" + year).then().statusCode(200);
    }

    private static JsonPath statement(String municipality, int year) {
        return given().auth().oauth2(officer()).queryParam("year", year)
                .when().get("/api/v1/municipalities/" + municipality + "/statement")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long line(JsonPath statement, String code, int quarter) {
        List<Map<String, Object>> lines = statement.getList("lines");
        return lines.stream().filter(l -> code.equals(l.get("grantCode")) && ((Number) l.get("payoutQuarter")).intValue() == quarter)
                .mapToLong(l -> ((Number) l.get("amountNok")).longValue()).sum();
    }

    @Test
    void domain_5b_family_of_two_adults_and_children_of_3_and_8_settled_in_September_claims_730000_in_Q3() {
        UUID household = UUID.randomUUID();
        LocalDate settledOn = LocalDate.of(2031, 9, 15);
        PersonSettled mother = settled(UUID.randomUUID(), LocalDate.of(1990, 1, 10), 4, false, "0301", settledOn, PermitType.REFUGEE, household);
        PersonSettled father = settled(UUID.randomUUID(), LocalDate.of(1988, 6, 1), 4, false, "0301", settledOn, PermitType.REFUGEE, household);
        PersonSettled three = settled(UUID.randomUUID(), LocalDate.of(2028, 5, 1), 4, false, "0301", settledOn, PermitType.REFUGEE, household);
        PersonSettled eight = settled(UUID.randomUUID(), LocalDate.of(2023, 2, 1), 4, false, "0301", settledOn, PermitType.REFUGEE, household);
        String threeEventId = UUID.randomUUID().toString();
        publish(mother);
        publish(father);
        publish(three, threeEventId);
        publish(eight);
        awaitPerson(eight.personId());

        // 2 × AR-1 180 000 + 2 × AR-1 B 170 000 + BHT 30 000 (the child of 3) = 730 000, all in Q3 2031
        assertThat(rows("select grant_code, budget_year, payout_quarter, amount_nok from ledger_entry where person_id = ?",
                three.personId())).as("claims due %s, 2031 rates %s",
                rows("select claim_key, municipality, grant_year, budget_year from claim_due where person_id = ?", three.personId()),
                rows("select t.version, t.current, e.grant_code from rate_table t join rate_table_entry e on e.rate_table_id = t.id where t.year = 2031"))
                .containsExactlyInAnyOrder("AR-1 B|2031|3|170000", "BHT|2031|3|30000");
        assertThat(net("0301", 2031)).isEqualTo(730_000);
        JsonPath statement = statement("0301", 2031);
        assertThat(statement.getLong("totalAmountNok")).isEqualTo(730_000);
        assertThat(line(statement, "AR-1", 3)).isEqualTo(360_000);
        assertThat(line(statement, "AR-1 B", 3)).isEqualTo(340_000);
        assertThat(line(statement, "BHT", 3)).isEqualTo(30_000);
        assertThat(statement.getList("lines")).hasSize(3);

        KafkaTestClient kafka = TestInfrastructure.get().kafka();
        List<GrantClaimRegistered> childClaims = kafka.awaitRecords(Topics.GRANTS, r -> three.personId().toString().equals(r.key())
                        && "no.nystart.GrantClaimRegistered.v1".equals(KafkaTestClient.header(r, "ce_type")), 2, Duration.ofSeconds(60))
                .stream().map(r -> EventJson.read(r.value(), GrantClaimRegistered.class)).toList();
        assertThat(childClaims).extracting(GrantClaimRegistered::grantCode).containsExactlyInAnyOrder(GrantCode.AR_1_B, GrantCode.BHT);
        GrantClaimRegistered bht = childClaims.stream().filter(c -> c.grantCode() == GrantCode.BHT).findFirst().orElseThrow();
        assertThat(bht.amountNok()).isEqualTo(30_000);
        assertThat(bht.municipality()).isEqualTo("0301");
        assertThat(bht.budgetYear()).isEqualTo(2031);
        assertThat(bht.payoutQuarter()).isEqualTo(3);
        assertThat(bht.settlementYearIndex()).isNull();
        assertThat(bht.causingEventId()).isEqualTo(UUID.fromString(threeEventId));
        assertThat(bht.rateTableVersion()).startsWith("2031-");

        // reading the figures issues nothing; issuing the statement for term 4 publishes it
        assertThat(statement.getString("statementId")).isNull();
        JsonPath issuedStatement = given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(Map.of("budgetYear", 2031, "payoutQuarter", 4))
                .when().post("/api/v1/municipalities/0301/statements")
                .then().statusCode(201).extract().jsonPath();
        assertThat(issuedStatement.getLong("totalAmountNok")).isEqualTo(730_000);
        ConsumerRecord<String, byte[]> issued = kafka.awaitRecord(Topics.GRANTS, r -> "0301".equals(r.key())
                && "no.nystart.GrantStatementIssued.v1".equals(KafkaTestClient.header(r, "ce_type"))
                && EventJson.read(r.value(), GrantStatementIssued.class).statementId().toString()
                        .equals(issuedStatement.getString("statementId")), Duration.ofSeconds(60));
        GrantStatementIssued event = EventJson.read(issued.value(), GrantStatementIssued.class);
        assertThat(event.totalAmountNok()).isEqualTo(730_000);
        assertThat(event.budgetYear()).isEqualTo(2031);
        assertThat(event.lines()).hasSize(3);
    }

    @Test
    void domain_5b_single_adult_of_62_gets_AR1_EV_and_ELDR_then_years_2_to_5_quarterly_and_nothing_in_year_6() {
        PersonSettled person = settled(LocalDate.of(1969, 3, 1), 1, "4601", LocalDate.of(2031, 5, 10));
        publish(person);
        awaitPerson(person.personId());
        assertThat(net("4601", 2031)).isEqualTo(350_000); // AR-1 EV 200 000 + ELDR 150 000, Q2
        assertThat(rows("select grant_code, payout_quarter, amount_nok from ledger_entry where person_id = ? order by grant_code",
                person.personId())).containsExactly("AR-1 EV|2|200000", "ELDR|2|150000");

        annualRuns(2032, 2036);
        assertThat(net("4601", 2032)).isEqualTo(120_000);
        assertThat(rows("select payout_quarter, amount_nok from ledger_entry where person_id = ? and budget_year = 2033 "
                + "order by payout_quarter", person.personId()))
                .containsExactly("1|25001", "2|25001", "3|25000", "4|25000"); // AR-3 100 002 in whole kroner
        assertThat(net("4601", 2033)).isEqualTo(100_002);
        assertThat(net("4601", 2034)).isEqualTo(80_000);
        assertThat(net("4601", 2035)).isEqualTo(60_000);
        assertThat(net("4601", 2036)).isZero();

        JsonPath claims = given().auth().oauth2(officer()).when().get("/api/v1/persons/" + person.personId() + "/claims")
                .then().statusCode(200).extract().jsonPath();
        assertThat(claims.getLong("netAmountNok")).isEqualTo(710_002);
        assertThat(claims.getList("claims")).hasSize(18);
        assertThat(claims.getList("claims.causingEventType")).containsOnly("PersonSettled", "AnnualRun");
        assertThat(claims.getList("pending")).isEmpty();
    }

    @Test
    void repeated_annual_runs_register_nothing_and_change_no_total() {
        PersonSettled person = settled(LocalDate.of(1985, 1, 1), 1, "3403", LocalDate.of(2031, 2, 1));
        publish(person);
        awaitPerson(person.personId());
        annualRuns(2032, 2032);
        long entries = count("select count(*) from ledger_entry");
        long outbox = count("select count(*) from nystart_outbox");
        long total = count("select sum(amount_nok) from ledger_entry");
        JsonPath second = given().auth().oauth2(officer()).when().post("/api/v1/annual-runs/2032")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getLong("claimsDue")).isZero();
        assertThat(second.getLong("registered")).isZero();
        assertThat(count("select count(*) from ledger_entry")).isEqualTo(entries);
        assertThat(count("select count(*) from nystart_outbox")).isEqualTo(outbox);
        assertThat(count("select sum(amount_nok) from ledger_entry")).isEqualTo(total);
        assertThat(count("select count(*) from ledger_entry where person_id = ? and budget_year = 2032", person.personId())).isEqualTo(4);
    }

    @Test
    void an_annual_runs_entries_form_an_append_only_segment_and_each_is_published_as_GrantClaimRegistered_with_its_id_as_ce_id()
            throws Exception {
        PersonSettled person = settled(LocalDate.of(1980, 7, 7), 1, "1506", LocalDate.of(2050, 4, 1));
        rates(2051);
        publish(person);
        awaitPerson(person.personId());
        JsonPath run = given().auth().oauth2(officer()).when().post("/api/v1/annual-runs/2051")
                .then().statusCode(200).extract().jsonPath();
        assertThat(run.getLong("registered")).isGreaterThanOrEqualTo(4);
        List<String> entries = rows("select cast(id as text) || '|' || segment || '|' || payout_quarter || '|' || amount_nok "
                + "from ledger_entry where person_id = ? and budget_year = 2051 order by payout_quarter", person.personId());
        assertThat(entries).hasSize(4).allMatch(e -> e.contains("|run-2051-"));
        assertThat(entries.stream().map(e -> e.substring(e.indexOf('|', 37) + 1)).toList())
                .containsExactly("1|30000", "2|30000", "3|30000", "4|30000"); // AR-2 120 000 in four quarters

        List<ConsumerRecord<String, byte[]>> records = TestInfrastructure.get().kafka().awaitRecords(Topics.GRANTS,
                r -> person.personId().toString().equals(r.key())
                        && "no.nystart.GrantClaimRegistered.v1".equals(KafkaTestClient.header(r, "ce_type"))
                        && EventJson.read(r.value(), GrantClaimRegistered.class).budgetYear() == 2051, 4, Duration.ofSeconds(60));
        for (ConsumerRecord<String, byte[]> record : records) {
            // the JSON grant_run_events builds in SQL is the contract's (schema) and reads into the record
            ContractSchemas.assertValid(GrantClaimRegistered.class, KafkaTestClient.text(record.value()));
            GrantClaimRegistered event = EventJson.read(record.value(), GrantClaimRegistered.class);
            assertThat(KafkaTestClient.header(record, "ce_id")).isEqualTo(event.claimId().toString());
            assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("no.nystart.GrantClaimRegistered.v1");
            assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(person.personId().toString());
            assertThat(entries).contains(event.claimId() + "|" + entries.get(0).split("\\|")[1] + "|" + event.payoutQuarter()
                    + "|" + event.amountNok());
            assertThat(event.grantCode()).isEqualTo(GrantCode.AR_2);
            assertThat(event.settlementYearIndex()).isEqualTo(2);
            assertThat(event.causingEventId().toString()).isEqualTo(run.getString("runId"));
        }
        assertThat(records).extracting(r -> EventJson.read(r.value(), GrantClaimRegistered.class).payoutQuarter())
                .containsExactly(1, 2, 3, 4);

        // the segment is as append-only as the rest of the ledger
        String id = entries.get(0).substring(0, 36);
        assertThatThrownBy(() -> GrantTestSupport.execute("update ledger_entry set amount_nok = 0 where id = '" + id + "'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> GrantTestSupport.execute("delete from ledger_entry where id = '" + id + "'"))
                .hasMessageContaining("append-only");
        String table = "ledger_" + entries.get(0).split("\\|")[1].replace('-', '_');
        assertThatThrownBy(() -> GrantTestSupport.execute("truncate " + table)).hasMessageContaining("append-only");
    }

    @Test
    void a_later_run_of_the_same_year_registers_only_the_persons_settled_since_in_a_segment_of_its_own() {
        PersonSettled early = settled(LocalDate.of(1979, 1, 9), 1, "1506", LocalDate.of(2052, 3, 1));
        rates(2053);
        publish(early);
        awaitPerson(early.personId());
        annualRuns(2053, 2053);
        // a settlement registered late (the event arrived after the run)
        PersonSettled late = settled(LocalDate.of(1988, 2, 9), 1, "4601", LocalDate.of(2052, 11, 1));
        publish(late);
        awaitPerson(late.personId());
        long before = count("select count(*) from ledger_entry where budget_year = 2053");
        JsonPath again = given().auth().oauth2(officer()).when().post("/api/v1/annual-runs/2053")
                .then().statusCode(200).extract().jsonPath();
        assertThat(again.getLong("claimsDue")).isEqualTo(1);
        assertThat(again.getLong("registered")).isEqualTo(4);
        assertThat(count("select count(*) from ledger_entry where budget_year = 2053")).isEqualTo(before + 4);
        assertThat(count("select count(*) from ledger_entry where person_id = ? and budget_year = 2053", early.personId())).isEqualTo(4);
        List<String> segments = rows("select distinct segment from ledger_entry where person_id in (?, ?) and budget_year = 2053 "
                + "order by segment", early.personId(), late.personId());
        assertThat(segments).hasSize(2).allMatch(s -> s.startsWith("run-2053-"));
        assertThat(net("4601", 2053)).isGreaterThanOrEqualTo(120_000);
    }

    @Test
    void domain_5d_unaccompanied_minor_of_15_EMINB_to_the_year_turning_16_EMINU_to_the_year_turning_20_plus_AR_1_to_5() {
        PersonSettled minor = settled(UUID.randomUUID(), LocalDate.of(2016, 6, 1), 1, true, "5001", LocalDate.of(2031, 8, 20),
                PermitType.REFUGEE, UUID.randomUUID());
        publish(minor);
        awaitPerson(minor.personId());
        annualRuns(2032, 2037);
        assertThat(net("5001", 2031)).isEqualTo(1_170_000); // AR-1 B 170 000 + EMINB 1 000 000 (turns 15)
        assertThat(net("5001", 2032)).isEqualTo(1_120_000); // AR-2 120 000 + EMINB (turns 16)
        assertThat(net("5001", 2033)).isEqualTo(800_002);   // AR-3 100 002 + EMINU (turns 17)
        assertThat(net("5001", 2034)).isEqualTo(780_000);   // AR-4 80 000 + EMINU
        assertThat(net("5001", 2035)).isEqualTo(760_000);   // AR-5 60 000 + EMINU
        assertThat(net("5001", 2036)).isEqualTo(700_000);   // EMINU only, the year turning 20
        assertThat(net("5001", 2037)).isZero();             // turns 21: nothing
        assertThat(rows("select distinct grant_code from ledger_entry where person_id = ? and grant_year = 2036", minor.personId()))
                .containsExactly("EMINU");
        assertThat(count("select sum(amount_nok) from ledger_entry where person_id = ? and grant_code in ('EMINB', 'EMINU')",
                minor.personId())).isEqualTo(4_800_000);
    }

    @Test
    void domain_5b_relocation_in_March_of_year_2_reverses_and_splits_4_months_to_the_old_and_8_to_the_new_municipality() {
        PersonSettled person = settled(LocalDate.of(1990, 4, 4), 1, "1103", LocalDate.of(2031, 6, 1));
        publish(person);
        awaitPerson(person.personId());
        annualRuns(2032, 2032);
        assertThat(net("1103", 2032)).isEqualTo(120_000);

        PersonRelocated move = new PersonRelocated(person.personId(), "1103", "3301", LocalDate.of(2032, 3, 10),
                RelocationType.ON_OWN, null);
        String moveId = publish(move);
        await().atMost(Duration.ofSeconds(90)).until(() -> count(
                "select count(*) from ledger_entry where person_id = ? and kind = 'REVERSAL'", person.personId()) == 4);

        assertThat(net("1103", 2031)).isEqualTo(200_000);   // year 1 is not touched by a move in year 2
        assertThat(net("1103", 2032)).isEqualTo(40_000);    // January-April: 120 000 × 4/12
        assertThat(net("3301", 2032)).isEqualTo(80_000);    // May-December: 120 000 × 8/12
        assertThat(count("select sum(amount_nok) from ledger_entry where person_id = ? and kind = 'REVERSAL'", person.personId()))
                .isEqualTo(-120_000);
        assertThat(count("select count(distinct reversed_entry_id) from ledger_entry where person_id = ? and kind = 'REVERSAL'",
                person.personId())).isEqualTo(4);
        // reversal chain: every reversed entry is an AR-2 claim of 1103, and the chain nets to the year's grant
        assertThat(rows("select c.grant_code, c.municipality, c.amount_nok + r.amount_nok from ledger_entry r "
                + "join ledger_entry c on c.id = r.reversed_entry_id where r.person_id = ?", person.personId()))
                .containsOnly("AR-2|1103|0");
        assertThat(count("select sum(amount_nok) from ledger_entry where person_id = ? and grant_year = 2032", person.personId()))
                .isEqualTo(120_000);

        KafkaTestClient kafka = TestInfrastructure.get().kafka();
        List<GrantClaimReversed> reversals = kafka.awaitRecords(Topics.GRANTS, r -> person.personId().toString().equals(r.key())
                        && "no.nystart.GrantClaimReversed.v1".equals(KafkaTestClient.header(r, "ce_type")), 4, Duration.ofSeconds(60))
                .stream().map(r -> EventJson.read(r.value(), GrantClaimReversed.class)).toList();
        assertThat(reversals).allSatisfy(r -> {
            assertThat(r.reason()).isEqualTo(ReversalReason.RELOCATION_SPLIT);
            assertThat(r.causingEventId()).isEqualTo(UUID.fromString(moveId));
            assertThat(r.municipality()).isEqualTo("1103");
        });
        assertThat(reversals.stream().mapToLong(GrantClaimReversed::amountNok).sum()).isEqualTo(-120_000);

        JsonPath newMunicipality = statement("3301", 2032);
        assertThat(line(newMunicipality, "AR-2", 1)).isEqualTo(80_000);

        annualRuns(2033, 2033); // year 3 follows the person to the municipality of residence
        assertThat(count("select sum(amount_nok) from ledger_entry where person_id = ? and budget_year = 2033 and municipality = '3301'",
                person.personId())).isEqualTo(100_002);
        assertThat(count("select count(*) from ledger_entry where person_id = ? and budget_year = 2033 and municipality = '1103'",
                person.personId())).isZero();
    }

    @Test
    void domain_5b_second_move_in_the_same_year_A_keeps_Jan_Apr_B_keeps_May_Aug_C_gets_Sep_Dec_of_AR_2_120000() {
        // municipalities 3101 (A), 3103 (B), 3105 (C): no other test uses them
        PersonSettled person = settled(LocalDate.of(1989, 9, 9), 1, "3101", LocalDate.of(2031, 5, 2));
        publish(person);
        awaitPerson(person.personId());
        annualRuns(2032, 2032);
        assertThat(count("select sum(amount_nok) from ledger_entry where person_id = ? and grant_code = 'AR-2'", person.personId()))
                .isEqualTo(120_000);

        // first move 10 March: A keeps January-April 120 000 × 4/12 = 40 000, B gets 80 000
        awaitProcessed(publish(new PersonRelocated(person.personId(), "3101", "3103", LocalDate.of(2032, 3, 10),
                RelocationType.ON_OWN, null)));
        assertThat(net("3101", 2032)).isEqualTo(40_000);
        assertThat(net("3103", 2032)).isEqualTo(80_000);

        // second move 5 July from B to C: annual 120 000 over all municipalities, kept(8) = 120 000 × 8/12 = 80 000;
        // C gets 120 000 - 80 000 = 40 000 (September-December), B keeps 80 000 - 40 000 = 40 000 (May-August)
        String secondId = publish(new PersonRelocated(person.personId(), "3103", "3105", LocalDate.of(2032, 7, 5),
                RelocationType.ON_OWN, null));
        awaitProcessed(secondId);
        assertThat(net("3101", 2032)).isEqualTo(40_000);
        assertThat(net("3103", 2032)).isEqualTo(40_000);
        assertThat(net("3105", 2032)).isEqualTo(40_000);
        assertThat(statement("3101", 2032).getLong("totalAmountNok")).isEqualTo(40_000);
        assertThat(statement("3103", 2032).getLong("totalAmountNok")).isEqualTo(40_000);
        JsonPath c = statement("3105", 2032);
        assertThat(c.getLong("totalAmountNok")).isEqualTo(40_000);
        assertThat(line(c, "AR-2", 3)).isEqualTo(40_000); // 5 July: the Q3 term (cut-off 1 October)
        // the person's net of the year is unchanged
        assertThat(count("select sum(amount_nok) from ledger_entry where person_id = ? and grant_year = 2032", person.personId()))
                .isEqualTo(120_000);
        // the second move reversed only B's 80 000 (A already held its share): one reversal caused by it
        assertThat(rows("select municipality, amount_nok from ledger_entry where person_id = ? and kind = 'REVERSAL' "
                + "and causing_event_id = cast(? as uuid)", person.personId(), secondId)).containsExactly("3103|-80000");
        // the relocation is recorded once per event
        assertThat(count("select count(*) from relocation where person_id = ?", person.personId())).isEqualTo(2);
    }

    @Test
    void domain_5b_a_pending_claim_of_the_moving_year_registered_when_the_table_arrives_after_the_move_is_split() {
        // 2063 and 2064 have no rate table yet; municipalities 4001 (moved from) and 4003 (moved to) are this test's own
        PersonSettled person = settled(LocalDate.of(1987, 7, 7), 1, "4001", LocalDate.of(2063, 6, 1));
        publish(person);
        awaitPerson(person.personId());
        annualRuns(2064, 2064);   // AR-2 of 2064 waits for a rate, as a claim due to 4001 (the municipality of residence)
        assertThat(rows("select municipality, part, parts from claim_due where person_id = ? and grant_code = 'AR-2'",
                person.personId())).containsExactly("4001|0|4");
        String moveId = publish(new PersonRelocated(person.personId(), "4001", "4003", LocalDate.of(2064, 3, 10),
                RelocationType.ON_OWN, null));
        awaitProcessed(moveId);
        assertThat(count("select count(*) from ledger_entry where person_id = ?", person.personId())).isZero();

        rates(2064);   // AR-2 120 000: the claim due is registered (4 × 30 000 to 4001), then split by the recorded move
        // 4001 keeps January-April: 120 000 × 4/12 = 40 000; 4003 gets May-December: 120 000 - 40 000 = 80 000
        assertThat(net("4001", 2064)).isEqualTo(40_000);
        assertThat(net("4003", 2064)).isEqualTo(80_000);
        assertThat(count("select sum(amount_nok) from ledger_entry where person_id = ? and grant_year = 2064", person.personId()))
                .isEqualTo(120_000);
        assertThat(rows("select municipality, sum(amount_nok) from ledger_entry where person_id = ? and kind = 'REVERSAL' "
                + "and causing_event_id = cast(? as uuid) group by municipality", person.personId(), moveId))
                .containsExactly("4001|-120000");
        // 10 March is in the Q1 term (cut-off 1 April): the split entries are paid in Q1
        assertThat(line(statement("4003", 2064), "AR-2", 1)).isEqualTo(80_000);
        // a second table version registers nothing new and changes no share
        rates(2064);
        assertThat(net("4001", 2064)).isEqualTo(40_000);
        assertThat(net("4003", 2064)).isEqualTo(80_000);
    }

    @Test
    void domain_5b_an_annual_run_of_the_moving_year_made_after_two_moves_pays_each_municipality_its_months() {
        // municipalities 5501 (A), 1505 (B), 1507 (C) are this test's own; 2066 gets the test rates (AR-2 120 000)
        rates(2066);
        PersonSettled person = settled(LocalDate.of(1986, 6, 6), 1, "5501", LocalDate.of(2065, 4, 1));
        publish(person);
        awaitPerson(person.personId());
        awaitProcessed(publish(new PersonRelocated(person.personId(), "5501", "1505", LocalDate.of(2066, 3, 10),
                RelocationType.ON_OWN, null)));
        awaitProcessed(publish(new PersonRelocated(person.personId(), "1505", "1507", LocalDate.of(2066, 7, 5),
                RelocationType.ON_OWN, null)));
        assertThat(count("select count(*) from ledger_entry where person_id = ? and grant_year = 2066", person.personId())).isZero();

        // the run pays the whole year 120 000 to the municipality of residence (1507), then the moves of 2066 apply:
        // kept(4) = 40 000 to 5501 (January-April), kept(8) - kept(4) = 80 000 - 40 000 to 1505 (May-August),
        // 120 000 - 80 000 = 40 000 stays with 1507 (September-December)
        annualRuns(2066, 2066);
        assertThat(net("5501", 2066)).isEqualTo(40_000);
        assertThat(net("1505", 2066)).isEqualTo(40_000);
        assertThat(net("1507", 2066)).isEqualTo(40_000);
        assertThat(count("select sum(amount_nok) from ledger_entry where person_id = ? and grant_year = 2066", person.personId()))
                .isEqualTo(120_000);
        // the run's four quarterly entries to 1507 were reversed (they are in the run's segment; the reversals are live)
        assertThat(rows("select c.segment like 'run-2066-%', r.segment, c.municipality, count(*) from ledger_entry r "
                + "join ledger_entry c on c.id = r.reversed_entry_id where r.person_id = ? group by 1, 2, 3", person.personId()))
                .containsExactly("t|live|1507|4");
        // running the year again changes nothing
        annualRuns(2066, 2066);
        assertThat(net("1507", 2066)).isEqualTo(40_000);
        assertThat(count("select count(*) from ledger_entry where person_id = ? and kind = 'REVERSAL'", person.personId())).isEqualTo(4);
    }

    @Test
    void domain_5b_late_December_settlement_pays_year_1_and_the_first_term_of_year_2_in_the_next_Q1() {
        PersonSettled person = settled(LocalDate.of(1991, 2, 2), 1, "1804", LocalDate.of(2031, 12, 20));
        publish(person);
        awaitPerson(person.personId());
        assertThat(rows("select grant_code, grant_year, budget_year, payout_quarter, amount_nok, rate_table_version like '2031-%' "
                + "from ledger_entry where person_id = ?", person.personId()))
                .containsExactly("AR-1 EV|2031|2032|1|200000|t"); // the 2031 rate, paid in Q1 2032
        annualRuns(2032, 2032);
        JsonPath statement = statement("1804", 2032);
        assertThat(line(statement, "AR-1 EV", 1)).isEqualTo(200_000);
        assertThat(line(statement, "AR-2", 1)).isEqualTo(30_000);
        assertThat(line(statement, "AR-1 EV", 1) + line(statement, "AR-2", 1)).isEqualTo(230_000);
        assertThat(statement.getLong("totalAmountNok")).isEqualTo(320_000);
        assertThat(statement("1804", 2031).getLong("totalAmountNok")).isZero();
    }

    @Test
    void a_claim_for_a_year_without_a_rate_waits_visibly_and_is_never_taken_from_another_years_table() {
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(GrantTestSupport.rateTableBody(Map.of("AR-1 EV", 205_000L)))
                .when().put("/api/v1/rate-tables/2044").then().statusCode(200);
        PersonSettled person = settled(LocalDate.of(1990, 1, 1), 1, "0301", LocalDate.of(2045, 2, 1));
        publish(person);
        awaitPerson(person.personId());
        assertThat(count("select count(*) from ledger_entry where person_id = ?", person.personId())).isZero();
        JsonPath claims = given().auth().oauth2(officer()).when().get("/api/v1/persons/" + person.personId() + "/claims")
                .then().statusCode(200).extract().jsonPath();
        assertThat(claims.getList("claims")).isEmpty();
        assertThat(claims.getList("pending.grantCode")).containsExactly("AR-1 EV");
        assertThat(claims.getString("pending[0].waitingFor")).contains("2045");
        JsonPath statement = statement("0301", 2045);
        assertThat(statement.getLong("totalAmountNok")).isZero();
        assertThat(statement.getList("pending.personId")).contains(person.personId().toString());

        JsonPath table = given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(GrantTestSupport.rateTableBody(Map.of("AR-1 EV", 210_000L)))
                .when().put("/api/v1/rate-tables/2045").then().statusCode(200).extract().jsonPath();
        assertThat(table.getInt("registeredPending")).isGreaterThanOrEqualTo(1);
        assertThat(rows("select grant_code, amount_nok, rate_table_version from ledger_entry where person_id = ?", person.personId()))
                .containsExactly("AR-1 EV|210000|2045-1");
        GrantClaimRegistered event = EventJson.read(TestInfrastructure.get().kafka().awaitRecord(Topics.GRANTS,
                r -> person.personId().toString().equals(r.key()), Duration.ofSeconds(60)).value(), GrantClaimRegistered.class);
        assertThat(event.amountNok()).isEqualTo(210_000);
        assertThat(event.rateTableVersion()).isEqualTo("2045-1");
        assertThat(event.grantCode()).isEqualTo(GrantCode.AR_1_EV);
        assertThat(event.settlementYearIndex()).isEqualTo(1);
        assertThat(event.budgetYear()).isEqualTo(2045);
        assertThat(event.payoutQuarter()).isEqualTo(1);
    }

    @Test
    void an_annual_run_for_a_year_without_a_table_leaves_its_claims_pending_until_that_years_table_arrives() {
        PersonSettled person = settled(LocalDate.of(1993, 3, 3), 1, "3301", LocalDate.of(2047, 5, 5));
        publish(person);
        awaitPerson(person.personId());
        JsonPath run = given().auth().oauth2(officer()).when().post("/api/v1/annual-runs/2048")
                .then().statusCode(200).extract().jsonPath();
        assertThat(run.getLong("pendingForYear")).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from ledger_entry where person_id = ?", person.personId())).isZero();
        // one claim of four quarterly parts (part 0 = all parts)
        assertThat(rows("select part, parts from claim_due where person_id = ? and grant_code = 'AR-2' and grant_year = 2048",
                person.personId())).containsExactly("0|4");

        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(GrantTestSupport.rateTableBody(Map.of("AR-2", 120_004L)))
                .when().put("/api/v1/rate-tables/2048").then().statusCode(200);
        assertThat(rows("select payout_quarter, amount_nok, rate_table_version from ledger_entry where person_id = ? "
                + "order by payout_quarter", person.personId()))
                .containsExactly("1|30001|2048-1", "2|30001|2048-1", "3|30001|2048-1", "4|30001|2048-1");
        JsonPath claims = given().auth().oauth2(officer()).when().get("/api/v1/persons/" + person.personId() + "/claims")
                .then().statusCode(200).extract().jsonPath();
        assertThat(claims.getLong("netAmountNok")).isEqualTo(120_004);
        assertThat(claims.getList("pending.grantCode")).containsExactly("AR-1 EV"); // 2047 still has no table
    }

    @Test
    void domain_5b_a_person_outside_the_target_group_triggers_nothing_and_the_reason_is_recorded() {
        PersonSettled person = settled(UUID.randomUUID(), LocalDate.of(1990, 1, 1), 1, false, "0301", LocalDate.of(2031, 4, 4),
                PermitType.OTHER, UUID.randomUUID());
        publish(person);
        awaitPerson(person.personId());
        assertThat(count("select count(*) from claim_due where person_id = ?", person.personId())).isZero();
        assertThat(count("select count(*) from ledger_entry where person_id = ?", person.personId())).isZero();
        JsonPath claims = given().auth().oauth2(officer()).when().get("/api/v1/persons/" + person.personId() + "/claims")
                .then().statusCode(200).extract().jsonPath();
        assertThat(claims.getBoolean("inTargetGroup")).isFalse();
        assertThat(claims.getString("exclusionReason")).contains("docs/domain/grants.md#5b").contains("OTHER");
        annualRuns(2032, 2032);
        assertThat(count("select count(*) from ledger_entry where person_id = ?", person.personId())).isZero();
    }

    @Test
    void duplicate_settlement_events_change_no_total() {
        PersonSettled person = settled(LocalDate.of(1975, 7, 7), 1, "4204", LocalDate.of(2031, 3, 3));
        String eventId = UUID.randomUUID().toString();
        publish(person, eventId);
        publish(person, eventId);     // redelivery: the inbox drops it
        publish(person);              // the same settlement under another ce_id: the person is known, nothing new
        PersonSettled marker = settled(LocalDate.of(1976, 7, 7), 1, "4204", LocalDate.of(2031, 3, 3));
        publish(marker);
        awaitPerson(marker.personId());
        assertThat(count("select count(*) from ledger_entry where person_id = ?", person.personId())).isEqualTo(1);
        assertThat(net("4204", 2031)).isEqualTo(400_000);
        assertThat(count("select count(*) from nystart_inbox where consumer_group = 'grant-accounting' and event_id = ?", eventId))
                .isEqualTo(1);
    }

    @Test
    void the_ledger_is_append_only_in_the_database() {
        PersonSettled person = settled(LocalDate.of(1970, 1, 1), 1, "3405", LocalDate.of(2031, 1, 15));
        publish(person);
        awaitPerson(person.personId());
        assertThatThrownBy(() -> GrantTestSupport.execute("update ledger_entry set amount_nok = 1"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> GrantTestSupport.execute("delete from ledger_entry"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        // the rows the ledger refers to without a per-row foreign key are kept (migration V4)
        assertThatThrownBy(() -> GrantTestSupport.execute("delete from claim_due"))
                .isInstanceOf(SQLException.class).hasMessageContaining("claim_due rows are kept");
        assertThatThrownBy(() -> GrantTestSupport.execute("delete from rate_table where year = 2031"))
                .isInstanceOf(SQLException.class).hasMessageContaining("rate tables are kept");
        assertThatThrownBy(() -> GrantTestSupport.execute("update rate_table set version = 99 where year = 2031"))
                .isInstanceOf(SQLException.class).hasMessageContaining("rate tables are kept");
        // a claim is reversed at most once
        String twice = """
                insert into ledger_entry (id, kind, reversed_entry_id, person_id, municipality, grant_code, grant_year,
                    budget_year, payout_quarter, amount_nok, rate_table_id, rate_table_version, causing_event_id,
                    causing_event_type, registered_on)
                select gen_random_uuid(), 'REVERSAL', e.id, e.person_id, e.municipality, e.grant_code, e.grant_year,
                    e.budget_year, e.payout_quarter, -e.amount_nok, e.rate_table_id, e.rate_table_version,
                    gen_random_uuid(), 'Test', e.registered_on
                from ledger_entry e where e.person_id = '%s' and e.grant_code = 'ELDR'
                """.formatted(person.personId());
        assertThatThrownBy(() -> GrantTestSupport.execute(twice + " union all " + twice.substring(twice.indexOf("select"))))
                .isInstanceOf(SQLException.class).hasMessageContaining("ledger_entry_reversed_once");
        assertThat(count("select count(*) from ledger_entry where person_id = ?", person.personId())).isEqualTo(2); // AR-1 EV + ELDR
    }
}
