package no.nystart.contracts.adulteducation;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A learner was enrolled in a course with an approved provider.
 *
 * @param personId     The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality Kommunenummer (four digits) of the municipality responsible for the person.
 * @param enrolmentId  The enrolment; CourseCompleted refers to it.
 * @param course       The course.
 * @param providerId   The approved training provider.
 * @param enrolledOn   First day of the enrolment.
 */
@EventType(name = "LearnerEnrolled", topic = Topics.ADULT_EDUCATION)
public record LearnerEnrolled(
        UUID personId,
        String municipality,
        UUID enrolmentId,
        CourseType course,
        UUID providerId,
        LocalDate enrolledOn) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
