package no.nystart.contracts.settlement;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.Nullable;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Sex;
import no.nystart.contracts.Topics;

/**
 * A person who did not pass through reception (resettlement quota, family reunification) was registered for settlement by settlement. The personId is minted here.
 *
 * @param personId           The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param arrivalRoute       The route into settlement (RESETTLEMENT_QUOTA or FAMILY_REUNIFICATION for this event).
 * @param birthDate          Date of birth.
 * @param sex                Legal sex.
 * @param citizenship        ISO 3166-1 alpha-3 country code of citizenship (XXA for stateless).
 * @param permitType         Permit type per the Immigration Act.
 * @param permitDate         Date of the permit decision.
 * @param regime             The law that governs the person's integration rights and duties.
 * @param unaccompaniedMinor True for an unaccompanied minor (under 18, arriving without parents).
 * @param householdId        The household the person is settled with; all members share it.
 * @param householdSize      Number of persons in the household.
 * @param arrivalDate        Date of arrival in Norway; absent while the person has not yet arrived.
 */
@EventType(name = "PersonRegisteredForSettlement", topic = Topics.SETTLEMENT)
public record PersonRegisteredForSettlement(
        UUID personId,
        ArrivalRoute arrivalRoute,
        LocalDate birthDate,
        Sex sex,
        String citizenship,
        PermitType permitType,
        LocalDate permitDate,
        Regime regime,
        boolean unaccompaniedMinor,
        UUID householdId,
        int householdSize,
        @Nullable LocalDate arrivalDate) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
