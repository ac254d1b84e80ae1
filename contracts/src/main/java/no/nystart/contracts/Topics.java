package no.nystart.contracts;

/** The five public v1 topics, one per producing service. */
public final class Topics {
    public static final String RECEPTION = "reception.events.v1";
    public static final String SETTLEMENT = "settlement.events.v1";
    public static final String INTRODUCTION = "introduction.events.v1";
    public static final String ADULT_EDUCATION = "adult-education.events.v1";
    public static final String GRANTS = "grants.events.v1";

    /** Suffix of each consumer group's dead-letter topic: {@code <topic>.dlq.<consumer-group>}. */
    public static final String DLQ_INFIX = ".dlq.";

    private Topics() {
    }
}
