package no.nystart.platform.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;

/** CloudEvents headers for test records, as a producing NyStart service would set them. */
public final class CloudEventRecords {
    private CloudEventRecords() {
    }

    public static Map<String, String> headers(NyStartEvent event, String eventId) {
        EventType type = NyStartEvent.typeOf(event.getClass());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId);
        headers.put("ce_source", "/nystart/test");
        headers.put("ce_type", EventType.Attributes.ceType(type));
        headers.put("ce_subject", event.subject());
        headers.put("ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        headers.put("ce_dataschema", EventType.Attributes.dataSchema(type));
        headers.put("content-type", "application/json");
        return headers;
    }

    public static Map<String, String> headers(NyStartEvent event) {
        return headers(event, UUID.randomUUID().toString());
    }
}
