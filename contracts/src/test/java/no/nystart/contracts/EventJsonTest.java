package no.nystart.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.grants.GrantClaimRegistered;
import no.nystart.contracts.grants.GrantCode;
import no.nystart.contracts.grants.GrantStatementIssued;
import no.nystart.contracts.grants.StatementLine;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.contracts.settlement.MunicipalityDecisionRegistered;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final UUID PERSON = UUID.fromString("5f0c8a4e-8d7b-4f43-9a51-0d6c1f1b2e3a");

    private static ResidentRegistered resident(UUID householdId) {
        return new ResidentRegistered(PERSON, UUID.fromString("0b5f3f7e-2c1d-4e8a-b1f2-9a8c7d6e5f40"), "3301",
                LocalDate.of(2026, 3, 2), LocalDate.of(1994, 7, 15), Sex.FEMALE, "ERI", householdId, AsylumProcedure.NORMAL);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesIsoDatesAndOmitsNullOptionalFieldsAndTheKey() {
        JsonNode tree = EventJson.toTree(resident(null));
        assertEquals("2026-03-02", tree.get("registeredOn").asText());
        assertEquals("1994-07-15", tree.get("birthDate").asText());
        assertFalse(tree.has("householdId"), "a null optional field is omitted");
        assertFalse(tree.has("key") || tree.has("subject"), "key() and subject() are not payload");
        assertEquals(8, tree.size());
    }

    @Test
    void roundTripsAnEvent() {
        ResidentRegistered event = resident(UUID.fromString("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"));
        assertEquals(event, EventJson.read(EventJson.write(event), ResidentRegistered.class));
        assertEquals(event, EventJson.read(EventJson.write(event), "no.nystart.ResidentRegistered.v1"));
    }

    @Test
    void ignoresUnknownPropertiesOnRead() {
        String json = new String(EventJson.write(resident(null)), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedLater\":{\"nested\":true},");
        ResidentRegistered read = EventJson.read(bytes(json), ResidentRegistered.class);
        assertEquals(resident(null), read);
        assertNull(read.householdId());
    }

    @Test
    void writingANullRequiredFieldFailsWithItsName() {
        ResidentRegistered broken = new ResidentRegistered(PERSON, null, "3301", LocalDate.of(2026, 3, 2),
                LocalDate.of(1994, 7, 15), Sex.FEMALE, "ERI", null, AsylumProcedure.NORMAL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventJson.write(broken));
        assertTrue(e.getMessage().contains("ResidentRegistered.receptionCentreId"), e.getMessage());
    }

    @Test
    void readingAnAbsentOrNullRequiredFieldFails() {
        String json = new String(EventJson.write(resident(null)), StandardCharsets.UTF_8);
        String absent = json.replace("\"hostMunicipality\":\"3301\",", "");
        String asNull = json.replace("\"hostMunicipality\":\"3301\"", "\"hostMunicipality\":null");
        assertThrows(IllegalArgumentException.class, () -> EventJson.read(bytes(absent), ResidentRegistered.class));
        assertThrows(IllegalArgumentException.class, () -> EventJson.read(bytes(asNull), ResidentRegistered.class));
    }

    @Test
    void readingAnAbsentPrimitiveFailsInsteadOfDefaultingToZero() {
        MunicipalityDecisionRegistered decision = new MunicipalityDecisionRegistered("4601", 2026, 120, 10, 110, 8,
                LocalDate.of(2026, 2, 19));
        String json = new String(EventJson.write(decision), StandardCharsets.UTF_8).replace("\"decidedTotal\":110,", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventJson.read(bytes(json), MunicipalityDecisionRegistered.class));
        assertTrue(e.getMessage().contains("decidedTotal"), e.getMessage());
        assertEquals("4601", decision.key());
    }

    @Test
    void nestedRequiredFieldsAreCheckedToo() {
        GrantStatementIssued statement = new GrantStatementIssued(UUID.randomUUID(), "4601", 2026, LocalDate.of(2026, 12, 15),
                100L, List.of(new StatementLine(null, 4, 1, 100L)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventJson.write(statement));
        assertTrue(e.getMessage().contains("lines[0].grantCode"), e.getMessage());
    }

    @Test
    void grantCodesAreWrittenAsTheOfficialCodesAndMoneyAsAnInteger() {
        GrantClaimRegistered claim = new GrantClaimRegistered(UUID.randomUUID(), PERSON, "4601", GrantCode.AR_1_EV, 2026, 1, 4,
                241_100L, "2026-1", UUID.randomUUID(), LocalDate.of(2026, 9, 2));
        JsonNode tree = EventJson.toTree(claim);
        assertEquals("AR-1 EV", tree.get("grantCode").asText());
        assertTrue(tree.get("amountNok").isIntegralNumber());
        assertEquals(241_100L, tree.get("amountNok").longValue());
        assertEquals(claim, EventJson.read(EventJson.write(claim), GrantClaimRegistered.class));
    }

    @Test
    void unknownEnumValuesAndUnknownCeTypesAreRejected() {
        String json = new String(EventJson.write(resident(null)), StandardCharsets.UTF_8).replace("\"FEMALE\"", "\"X\"");
        assertThrows(IllegalArgumentException.class, () -> EventJson.read(bytes(json), ResidentRegistered.class));
        assertThrows(IllegalArgumentException.class, () -> EventJson.read(bytes("{}"), "no.nystart.Unknown.v1"));
        assertThrows(IllegalArgumentException.class, () -> EventJson.read(bytes("not json"), ResidentRegistered.class));
    }
}
