package no.nystart.contracts.adulteducation;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A learner took the social-studies test.
 *
 * @param personId     The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality Kommunenummer (four digits) of the municipality responsible for the person.
 * @param testDate     Date of the test.
 * @param passed       True when the test was passed.
 */
@EventType(name = "SocialStudiesTestCompleted", topic = Topics.ADULT_EDUCATION)
public record SocialStudiesTestCompleted(
        UUID personId,
        String municipality,
        LocalDate testDate,
        boolean passed) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
