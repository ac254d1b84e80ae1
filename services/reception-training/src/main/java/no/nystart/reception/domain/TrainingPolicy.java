package no.nystart.reception.domain;

import java.math.BigDecimal;

/**
 * Limits that are project choices rather than law, configurable (docs/services/reception-training.md).
 *
 * @param maxHoursPerDay       most hours of mandatory training recorded for one person on one day (default 8)
 * @param behindAfterWeeks     a resident is "behind" when registered longer than this (default 8 weeks) ...
 * @param behindNorwegianShare ... and has attended less than this share of the Norwegian hours (default 0.5)
 */
public record TrainingPolicy(BigDecimal maxHoursPerDay, int behindAfterWeeks, BigDecimal behindNorwegianShare) {
    public static final TrainingPolicy DEFAULT = new TrainingPolicy(new BigDecimal("8"), 8, new BigDecimal("0.5"));
}
