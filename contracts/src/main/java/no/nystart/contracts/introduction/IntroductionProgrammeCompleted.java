package no.nystart.contracts.introduction;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Topics;

/**
 * A participant completed the introduction programme; carries the outcome (feeds settlement's municipal results).
 *
 * @param personId         The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality     Kommunenummer (four digits) of the municipality responsible for the person.
 * @param regime           The law the programme followed.
 * @param startDate        First day of the programme.
 * @param completedOn      Last day of the programme.
 * @param outcome          What the participant goes on to.
 * @param finalGoal        The final goal (sluttmål) at completion.
 * @param finalGoalReached True when the final goal was reached.
 */
@EventType(name = "IntroductionProgrammeCompleted", topic = Topics.INTRODUCTION)
public record IntroductionProgrammeCompleted(
        UUID personId,
        String municipality,
        Regime regime,
        LocalDate startDate,
        LocalDate completedOn,
        ProgrammeOutcome outcome,
        FinalGoal finalGoal,
        boolean finalGoalReached) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
