package no.nystart.grants.domain;

import java.time.LocalDate;
import java.util.Optional;
import no.nystart.contracts.grants.GrantCode;

/**
 * Særskilt tilskudd for enslige mindreårige (docs/domain/grants.md#5d): EMINB up to and including the year the person turns 16,
 * EMINU from the year they turn 17 up to and including the year they turn 20; nothing after.
 */
public final class SpecialGrantBand {
    private SpecialGrantBand() {
    }

    public static Optional<GrantCode> forYear(LocalDate birthDate, int year, GrantRules rules) {
        int turns = year - birthDate.getYear();
        if (turns > rules.emUpToYearAge()) {
            return Optional.empty();
        }
        return Optional.of(turns <= rules.emChildBandUpToYearAge() ? GrantCode.EMINB : GrantCode.EMINU);
    }
}
