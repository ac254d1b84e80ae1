package no.nystart.platform.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents attributes of one consumed record, checked on the way in. A record without
 * the required attributes is a poison message: {@link #from} throws {@link InvalidEnvelopeException}.
 */
public record EventEnvelope(
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String dataSchema,
        String key,
        String topic,
        int partition,
        long offset) {

    public static EventEnvelope from(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String specVersion = CloudEventHeaders.text(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new InvalidEnvelopeException("header " + CloudEventHeaders.SPEC_VERSION + " must be 1.0, was " + specVersion);
        }
        String id = required(headers, CloudEventHeaders.ID);
        String source = required(headers, CloudEventHeaders.SOURCE);
        String type = required(headers, CloudEventHeaders.TYPE);
        String contentType = CloudEventHeaders.text(headers, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CloudEventHeaders.APPLICATION_JSON)) {
            throw new InvalidEnvelopeException("content-type must be application/json, was " + contentType);
        }
        OffsetDateTime time = null;
        String timeText = CloudEventHeaders.text(headers, CloudEventHeaders.TIME);
        if (timeText != null) {
            try {
                time = OffsetDateTime.parse(timeText);
            } catch (DateTimeParseException e) {
                throw new InvalidEnvelopeException("header ce_time is not an RFC 3339 timestamp: " + timeText);
            }
        }
        if (record.value() == null) {
            throw new InvalidEnvelopeException("record has no value (tombstones are not events)");
        }
        return new EventEnvelope(id, source, type,
                CloudEventHeaders.text(headers, CloudEventHeaders.SUBJECT), time,
                CloudEventHeaders.text(headers, CloudEventHeaders.DATA_SCHEMA),
                record.key(), record.topic(), record.partition(), record.offset());
    }

    private static String required(Headers headers, String name) {
        String value = CloudEventHeaders.text(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEnvelopeException("required CloudEvents header " + name + " is missing");
        }
        return value;
    }
}
