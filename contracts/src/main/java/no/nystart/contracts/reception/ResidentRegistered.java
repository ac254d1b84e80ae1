package no.nystart.contracts.reception;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.Nullable;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Sex;
import no.nystart.contracts.Topics;

/**
 * A person arrived at a reception centre and was registered there. Carries no name or DUF number:
 * the person is known to other services by {@code personId} alone.
 *
 * @param personId           minted by reception-training at registration
 * @param receptionCentreId  the centre the resident lives in
 * @param hostMunicipality   kommunenummer of the centre's host municipality (four digits)
 * @param registeredOn       date registered in the centre; decides the mandatory-training regime
 * @param birthDate          date of birth
 * @param sex                legal sex
 * @param citizenship        ISO 3166-1 alpha-3 country code (stateless: {@code XXA})
 * @param householdId        household the resident arrived with; absent for a single arrival
 * @param asylumProcedure    the asylum procedure
 */
@EventType(name = "ResidentRegistered", topic = Topics.RECEPTION)
public record ResidentRegistered(
        UUID personId,
        UUID receptionCentreId,
        String hostMunicipality,
        LocalDate registeredOn,
        LocalDate birthDate,
        Sex sex,
        String citizenship,
        @Nullable UUID householdId,
        AsylumProcedure asylumProcedure) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
