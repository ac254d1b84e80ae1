package no.nystart.contracts.introduction;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Topics;

/**
 * The municipality decided (§ 12) and started an introduction programme for a participant.
 *
 * @param personId       The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality   Kommunenummer (four digits) of the municipality responsible for the person.
 * @param regime         The law the programme follows.
 * @param startDate      First day of the programme.
 * @param plannedEndDate Planned last day (programme length per § 13).
 * @param finalGoal      The final goal (sluttmål).
 * @param educationLevel The participant's education background.
 * @param weeklyHours    The full-time model.
 */
@EventType(name = "IntroductionProgrammeStarted", topic = Topics.INTRODUCTION)
public record IntroductionProgrammeStarted(
        UUID personId,
        String municipality,
        Regime regime,
        LocalDate startDate,
        LocalDate plannedEndDate,
        FinalGoal finalGoal,
        EducationLevel educationLevel,
        WeeklyHours weeklyHours) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
