package no.nystart.contracts.adulteducation;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Topics;

/**
 * The municipality established a person's right and/or duty to Norwegian and social-studies training, with deadline and Norwegian goal (docs/domain/adult-education.md#4a/4b).
 *
 * @param personId         The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality     Kommunenummer (four digits) of the municipality responsible for the person.
 * @param entitlement      Right and duty, duty only, or right only.
 * @param regime           The law that governs the entitlement.
 * @param establishedOn    Date the right or duty started.
 * @param educationLevel   Education background; upper-secondary or higher shortens the deadline to 18 months.
 * @param trainingDeadline Last day of the right to free training (3 years, or 18 months with upper-secondary education), before approved leave.
 * @param readingGoal      Norwegian goal for reading.
 * @param listeningGoal    Norwegian goal for listening.
 * @param writingGoal      Norwegian goal for writing.
 * @param oralGoal         Norwegian goal for oral communication.
 */
@EventType(name = "LearnerRightsEstablished", topic = Topics.ADULT_EDUCATION)
public record LearnerRightsEstablished(
        UUID personId,
        String municipality,
        Entitlement entitlement,
        Regime regime,
        LocalDate establishedOn,
        EducationLevel educationLevel,
        LocalDate trainingDeadline,
        CefrLevel readingGoal,
        CefrLevel listeningGoal,
        CefrLevel writingGoal,
        CefrLevel oralGoal) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
