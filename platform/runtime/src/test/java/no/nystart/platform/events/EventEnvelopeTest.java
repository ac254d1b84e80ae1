package no.nystart.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static ConsumerRecord<String, byte[]> record(Map<String, String> headers, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("reception.events.v1", 2, 41L, "key-1", value);
        headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private static Map<String, String> valid() {
        return new java.util.HashMap<>(Map.of(
                "ce_specversion", "1.0", "ce_id", "7d1b0f2e-0000-4000-8000-000000000001", "ce_source", "/nystart/reception-training",
                "ce_type", "no.nystart.ResidentRegistered.v1", "ce_subject", "key-1", "ce_time", "2026-11-28T06:00:00.123456Z",
                "content-type", "application/json"));
    }

    @Test
    void reads_the_binary_mode_attributes_and_the_record_position() {
        EventEnvelope envelope = EventEnvelope.from(record(valid(), "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(envelope.id()).isEqualTo("7d1b0f2e-0000-4000-8000-000000000001");
        assertThat(envelope.type()).isEqualTo("no.nystart.ResidentRegistered.v1");
        assertThat(envelope.source()).isEqualTo("/nystart/reception-training");
        assertThat(envelope.subject()).isEqualTo("key-1");
        assertThat(envelope.time().getNano()).isEqualTo(123_456_000);
        assertThat(envelope.topic()).isEqualTo("reception.events.v1");
        assertThat(envelope.partition()).isEqualTo(2);
        assertThat(envelope.offset()).isEqualTo(41L);
    }

    @Test
    void each_required_attribute_missing_makes_the_record_poison() {
        for (String required : new String[] {"ce_specversion", "ce_id", "ce_source", "ce_type"}) {
            Map<String, String> headers = valid();
            headers.remove(required);
            assertThatThrownBy(() -> EventEnvelope.from(record(headers, "{}".getBytes(StandardCharsets.UTF_8))))
                    .as(required).isInstanceOf(InvalidEnvelopeException.class).hasMessageContaining(required);
        }
    }

    @Test
    void wrong_spec_version_content_type_or_time_and_tombstones_are_poison() {
        Map<String, String> v03 = valid();
        v03.put("ce_specversion", "0.3");
        assertThatThrownBy(() -> EventEnvelope.from(record(v03, new byte[] {1}))).isInstanceOf(InvalidEnvelopeException.class);
        Map<String, String> avro = valid();
        avro.put("content-type", "application/avro");
        assertThatThrownBy(() -> EventEnvelope.from(record(avro, new byte[] {1}))).hasMessageContaining("content-type");
        Map<String, String> badTime = valid();
        badTime.put("ce_time", "yesterday");
        assertThatThrownBy(() -> EventEnvelope.from(record(badTime, new byte[] {1}))).hasMessageContaining("ce_time");
        assertThatThrownBy(() -> EventEnvelope.from(record(valid(), null))).hasMessageContaining("no value");
    }
}
