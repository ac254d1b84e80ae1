package no.nystart.grants.domain;

import java.time.MonthDay;

/**
 * The unconfirmed numbers of the training grants (docs/services/grant-accounting.md, configuration).
 *
 * @param defaultRateGroup              rate group of a country not in the country table (docs/domain/grants.md#5f lists regions,
 *                                      not countries; default HIGH: the high-rate regions cover most of the world)
 * @param laterYearsQuarter             payout term of the person grant's years 2 and 3 (docs/domain/grants.md#5f: "paid
 *                                      automatically from NIR", term not given; default Q1 of that year)
 * @param competenceMappingCutoff       mapping done before this day of the year is paid in that year's December
 *                                      (docs/domain/reception.md#1d: "kartlegging done and permit granted before 1 Dec")
 * @param competenceMappingQuarter      the payout term of the competence-mapping grant (docs/domain/reception.md#1d: "paid in
 *                                      December" = Q4)
 */
public record TrainingGrantRules(RateGroup defaultRateGroup, int laterYearsQuarter, MonthDay competenceMappingCutoff,
        int competenceMappingQuarter) {

    public TrainingGrantRules {
        if (defaultRateGroup == null) {
            throw new IllegalArgumentException("a default rate group is required");
        }
        if (laterYearsQuarter < 1 || laterYearsQuarter > 4 || competenceMappingQuarter < 1 || competenceMappingQuarter > 4) {
            throw new IllegalArgumentException("payout quarters are 1-4");
        }
    }

    public static TrainingGrantRules defaults() {
        return new TrainingGrantRules(RateGroup.HIGH, 1, MonthDay.of(12, 1), 4);
    }
}
