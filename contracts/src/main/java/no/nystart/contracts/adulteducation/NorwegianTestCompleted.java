package no.nystart.contracts.adulteducation;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EventType;
import no.nystart.contracts.Nullable;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A learner's Norwegian test result: a CEFR level per sub-test. A skill that was not tested is absent.
 *
 * @param personId       The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality   Kommunenummer (four digits) of the municipality responsible for the person.
 * @param testType       Which test was taken.
 * @param testDate       Date of the test.
 * @param readingLevel   Level reached in reading, when tested.
 * @param listeningLevel Level reached in listening, when tested.
 * @param writingLevel   Level reached in writing, when tested.
 * @param oralLevel      Level reached in oral communication, when tested.
 */
@EventType(name = "NorwegianTestCompleted", topic = Topics.ADULT_EDUCATION)
public record NorwegianTestCompleted(
        UUID personId,
        String municipality,
        NorwegianTestType testType,
        LocalDate testDate,
        @Nullable CefrLevel readingLevel,
        @Nullable CefrLevel listeningLevel,
        @Nullable CefrLevel writingLevel,
        @Nullable CefrLevel oralLevel) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
