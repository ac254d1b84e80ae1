package no.nystart.contracts.settlement;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.Nullable;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A settled person moved to another municipality. The new municipality takes over the introduction programme and adult education; grants are split (docs/domain/grants.md#5b).
 *
 * @param personId         The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param fromMunicipality Kommunenummer of the municipality the person moved from.
 * @param toMunicipality   Kommunenummer of the municipality the person moved to.
 * @param movedOn          Date of the move as registered in the population register.
 * @param relocationType   Whether the move was agreed.
 * @param householdId      The household the person moved with, when known.
 */
@EventType(name = "PersonRelocated", topic = Topics.SETTLEMENT)
public record PersonRelocated(
        UUID personId,
        String fromMunicipality,
        String toMunicipality,
        LocalDate movedOn,
        RelocationType relocationType,
        @Nullable UUID householdId) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
