package no.nystart.contracts.introduction;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.Nullable;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A participant's introduction programme was paused by leave or temporary suspension.
 *
 * @param personId         The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality     Kommunenummer (four digits) of the municipality responsible for the person.
 * @param pausedFrom       First day of the pause.
 * @param reason           Why the programme is paused.
 * @param expectedResumeOn Expected day of resumption, when known.
 */
@EventType(name = "IntroductionProgrammePaused", topic = Topics.INTRODUCTION)
public record IntroductionProgrammePaused(
        UUID personId,
        String municipality,
        LocalDate pausedFrom,
        PauseReason reason,
        @Nullable LocalDate expectedResumeOn) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
