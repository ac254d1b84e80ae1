package no.nystart.reception.domain;

/** Why a resident has no duty to take the mandatory reception training. Each names its source. */
public enum NoDutyReason {
    /** Registered before 2018-09-01: voluntary scheme (docs/domain/reception.md#1a). */
    REGISTERED_BEFORE_2018_09_01("registered in the centre before 2018-09-01: the training was voluntary (docs/domain/reception.md#1a)"),
    /** Below 16 (introduksjonsloven § 20 a) or 18 (integreringsloven § 5) at registration. */
    BELOW_AGE_LIMIT("below the age limit of the regime at the registration date (introduksjonsloven § 20 a: 16; integreringsloven § 5: 18)"),
    /** 48-hour / fast-track procedure (docs/domain/reception.md#1a, 1b "hurtigprosedyrer"). */
    FAST_TRACK_PROCEDURE("in the fast-track (48-hour) procedure: outside the target group (docs/domain/reception.md#1a/1b)"),
    /** Dublin procedure (docs/domain/reception.md#1a). */
    DUBLIN_PROCEDURE("in the Dublin procedure: outside the target group (docs/domain/reception.md#1a)"),
    /** Collective protection target group (integreringsloven § 37 a, docs/domain/reception.md#1b). */
    COLLECTIVE_PROTECTION("in the collective-protection target group: no duty (integreringsloven § 37 a, docs/domain/reception.md#1b)"),
    /** A UDI decision exists (docs/domain/reception.md#1a/1b: "those with UDI decision (avslag or innvilget)"). */
    PERMIT_DECISION("a permit decision exists: persons with a UDI decision are outside the target group (docs/domain/reception.md#1a/1b)");

    private final String explanation;

    NoDutyReason(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
