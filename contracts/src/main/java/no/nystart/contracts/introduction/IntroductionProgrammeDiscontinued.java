package no.nystart.contracts.introduction;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A participant's introduction programme ended without completion.
 *
 * @param personId       The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality   Kommunenummer (four digits) of the municipality responsible for the person.
 * @param discontinuedOn Last day of the programme.
 * @param reason         Why the programme ended.
 */
@EventType(name = "IntroductionProgrammeDiscontinued", topic = Topics.INTRODUCTION)
public record IntroductionProgrammeDiscontinued(
        UUID personId,
        String municipality,
        LocalDate discontinuedOn,
        DiscontinuationReason reason) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
