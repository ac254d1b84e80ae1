package no.nystart.contracts;

import java.util.List;
import java.util.Map;

/** The five public v1 topics, one per producing service. */
public final class Topics {
    public static final String RECEPTION = "reception.events.v1";
    public static final String SETTLEMENT = "settlement.events.v1";
    public static final String INTRODUCTION = "introduction.events.v1";
    public static final String ADULT_EDUCATION = "adult-education.events.v1";
    public static final String GRANTS = "grants.events.v1";

    /** Suffix of each consumer group's dead-letter topic: {@code <topic>.dlq.<consumer-group>}. */
    public static final String DLQ_INFIX = ".dlq.";

    private static final Map<String, String> PRODUCERS = Map.of(
            RECEPTION, "reception-training",
            SETTLEMENT, "settlement",
            INTRODUCTION, "introduction-programme",
            ADULT_EDUCATION, "adult-education",
            GRANTS, "grant-accounting");

    private Topics() {
    }

    /** The five public topics, in the order of the chain. */
    public static List<String> all() {
        return List.of(RECEPTION, SETTLEMENT, INTRODUCTION, ADULT_EDUCATION, GRANTS);
    }

    /** The module name of the one service that produces to {@code topic}, e.g. {@code reception-training}. */
    public static String producer(String topic) {
        String producer = PRODUCERS.get(topic);
        if (producer == null) {
            throw new IllegalArgumentException("not a public NyStart topic: " + topic);
        }
        return producer;
    }
}
