package no.nystart.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A NyStart domain event: the payload ({@code data}) of one CloudEvent on one of the v1 topics.
 *
 * <p>Every implementation is a record annotated with {@link EventType}; the platform's outbox reads
 * the annotation for the CloudEvents type, topic and schema, and {@link #key()} for the Kafka record
 * key and {@code ce_subject}.
 */
public interface NyStartEvent {

    /**
     * The Kafka record key: the {@code personId} for events about a person (so one person's events
     * stay ordered on one partition), the kommunenummer for events about a municipality alone.
     */
    @JsonIgnore
    String key();

    /** The CloudEvents {@code subject}; the same as the key. */
    @JsonIgnore
    default String subject() {
        return key();
    }

    /** The {@link EventType} annotation of an event class, or an error naming the class that lacks it. */
    static EventType typeOf(Class<? extends NyStartEvent> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
        }
        return type;
    }
}
