package no.nystart.reception.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import no.nystart.contracts.Regime;
import no.nystart.contracts.reception.TrainingModule;

/**
 * The mandatory-training regime of a reception-centre resident, decided by the date the resident was
 * registered in the centre (docs/domain/reception.md#1a: "Target-group membership is determined by the registration date in
 * the mottak").
 */
public enum TrainingRegime {
    /**
     * Registered before 2018-09-01: the training was voluntary, no duty (docs/domain/reception.md#1a, "Before 1 Sep 2018 the
     * training was voluntary").
     */
    VOLUNTARY_BEFORE_2018_09_01(null, null, 0, Map.of(), "docs/domain/reception.md#1a: voluntary before 2018-09-01"),
    /**
     * introduksjonsloven § 20 a (docs/domain/reception.md#1a): registered 2018-09-01..2020-12-31, over 16: 175 h Norwegian
     * + 50 h "norsk kultur og norske verdier".
     */
    INTRODUKSJONSLOVEN_20A(LocalDate.of(2018, 9, 1), Regime.INTRODUKSJONSLOVEN, 16,
            Map.of(TrainingModule.NORWEGIAN, 175, TrainingModule.CULTURE_AND_VALUES, 50),
            "introduksjonsloven § 20 a (docs/domain/reception.md#1a)"),
    /**
     * integreringsloven § 5 (docs/domain/reception.md#1b): registered from 2021-01-01, from age 18: 175 h Norwegian + 25 h
     * samfunnskunnskap.
     */
    INTEGRERINGSLOVEN_5(LocalDate.of(2021, 1, 1), Regime.INTEGRERINGSLOVEN, 18,
            Map.of(TrainingModule.NORWEGIAN, 175, TrainingModule.SOCIAL_STUDIES, 25),
            "integreringsloven § 5 (docs/domain/reception.md#1b)");

    private final LocalDate from;
    private final Regime law;
    private final int minimumAge;
    private final Map<TrainingModule, Integer> requiredHours;
    private final String legalBasis;

    TrainingRegime(LocalDate from, Regime law, int minimumAge, Map<TrainingModule, Integer> requiredHours, String legalBasis) {
        this.from = from;
        this.law = law;
        this.minimumAge = minimumAge;
        EnumMap<TrainingModule, Integer> hours = new EnumMap<>(TrainingModule.class);
        hours.putAll(requiredHours);
        this.requiredHours = Collections.unmodifiableMap(hours);
        this.legalBasis = legalBasis;
    }

    /** The regime of a resident registered in the centre on {@code registeredOn}. */
    public static TrainingRegime forRegistrationDate(LocalDate registeredOn) {
        if (!registeredOn.isBefore(INTEGRERINGSLOVEN_5.from)) {
            return INTEGRERINGSLOVEN_5;
        }
        if (!registeredOn.isBefore(INTRODUKSJONSLOVEN_20A.from)) {
            return INTRODUKSJONSLOVEN_20A;
        }
        return VOLUNTARY_BEFORE_2018_09_01;
    }

    /** The law as published in events; empty for the voluntary scheme before 2018-09-01. */
    public Optional<Regime> law() {
        return Optional.ofNullable(law);
    }

    /** Age (whole years at the registration date) from which the duty applies; 0 when there is no duty at all. */
    public int minimumAge() {
        return minimumAge;
    }

    /** The modules of the duty with their required hours; empty for the voluntary scheme. */
    public Map<TrainingModule, Integer> requiredHours() {
        return requiredHours;
    }

    public boolean imposesDuty() {
        return !requiredHours.isEmpty();
    }

    public String legalBasis() {
        return legalBasis;
    }
}
