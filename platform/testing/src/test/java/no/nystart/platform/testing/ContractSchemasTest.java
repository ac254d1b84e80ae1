package no.nystart.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Sex;
import no.nystart.contracts.settlement.ArrivalRoute;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.contracts.settlement.SettlementType;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {
    private static String valid() {
        LocalDate permitDate = LocalDate.of(2025, 3, 1);
        PersonSettled event = new PersonSettled(UUID.randomUUID(), LocalDate.of(1990, 5, 15), Sex.FEMALE, "SYR",
                PermitType.REFUGEE, permitDate, Regime.INTEGRERINGSLOVEN, ArrivalRoute.ASYLUM, false, UUID.randomUUID(), 1,
                SettlementType.BY_AGREEMENT, "0301", permitDate.plusMonths(2));
        return new String(EventJson.write(event), StandardCharsets.UTF_8);
    }

    @Test
    void a_payload_written_from_the_contract_record_is_valid() {
        String payload = valid();
        assertThat(ContractSchemas.errors(PersonSettled.class, payload)).isEmpty();
        ContractSchemas.assertValid(PersonSettled.class, payload);
        // the second call uses the cached schema and gives the same answer
        assertThat(ContractSchemas.errors(PersonSettled.class, payload)).isEmpty();
    }

    @Test
    void formats_are_asserted_not_only_annotated() {
        String badDate = valid().replace("\"1990-05-15\"", "\"1990-02-30x\"");
        assertThat(badDate).contains("1990-02-30x");
        assertThat(ContractSchemas.errors(PersonSettled.class, badDate)).isNotEmpty().anyMatch(e -> e.contains("birthDate"));
    }

    @Test
    void a_missing_required_field_and_a_wrong_enum_are_errors_and_assertValid_lists_them() {
        String broken = valid().replaceFirst("\"municipality\"\\s*:\\s*\"0301\"\\s*,?", "").replace("\"FEMALE\"", "\"F\"");
        assertThat(broken).doesNotContain("\"municipality\"").contains("\"F\"");
        var errors = ContractSchemas.errors(PersonSettled.class, broken);
        assertThat(errors).anyMatch(e -> e.contains("municipality")).anyMatch(e -> e.contains("sex"));
        assertThatThrownBy(() -> ContractSchemas.assertValid(PersonSettled.class, broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PersonSettled").hasMessageContaining(errors.toString());
    }
}
