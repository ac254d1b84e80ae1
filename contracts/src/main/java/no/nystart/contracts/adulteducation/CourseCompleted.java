package no.nystart.contracts.adulteducation;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A learner reached the goal of a course.
 *
 * @param personId     The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality Kommunenummer (four digits) of the municipality responsible for the person.
 * @param enrolmentId  The enrolment that was completed.
 * @param course       The course.
 * @param completedOn  Date the goal was reached.
 */
@EventType(name = "CourseCompleted", topic = Topics.ADULT_EDUCATION)
public record CourseCompleted(
        UUID personId,
        String municipality,
        UUID enrolmentId,
        CourseType course,
        LocalDate completedOn) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
