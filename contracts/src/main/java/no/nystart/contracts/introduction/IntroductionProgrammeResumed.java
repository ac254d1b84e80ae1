package no.nystart.contracts.introduction;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.Nullable;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A paused introduction programme was resumed.
 *
 * @param personId       The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality   Kommunenummer (four digits) of the municipality responsible for the person.
 * @param resumedOn      First day back in the programme.
 * @param plannedEndDate Planned last day after the pause, when it changed.
 */
@EventType(name = "IntroductionProgrammeResumed", topic = Topics.INTRODUCTION)
public record IntroductionProgrammeResumed(
        UUID personId,
        String municipality,
        LocalDate resumedOn,
        @Nullable LocalDate plannedEndDate) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
