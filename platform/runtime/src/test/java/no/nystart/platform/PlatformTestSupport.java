package no.nystart.platform;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.Sex;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.ResidentRegistered;

public final class PlatformTestSupport {
    private PlatformTestSupport() {
    }

    public static ResidentRegistered event(UUID personId) {
        return new ResidentRegistered(personId, UUID.randomUUID(), "0301", LocalDate.of(2026, 1, 5),
                LocalDate.of(1988, 4, 2), Sex.FEMALE, "AFG", null, AsylumProcedure.NORMAL);
    }
}
