package no.nystart.contracts.settlement;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Nullable;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Sex;
import no.nystart.contracts.Topics;

/**
 * A person was settled in a municipality. Published once per household member. Carries what the consuming services need to decide target groups and grants.
 *
 * @param personId           The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param birthDate          Date of birth.
 * @param sex                Legal sex.
 * @param citizenship        ISO 3166-1 alpha-3 country code of citizenship (XXA for stateless); decides the Norwegian-training grant rate.
 * @param permitType         Permit type per the Immigration Act.
 * @param permitDate         Date of the permit decision; the age at this date decides the target groups.
 * @param regime             The law that governs the person's integration rights and duties.
 * @param arrivalRoute       The route into settlement.
 * @param unaccompaniedMinor True for an unaccompanied minor (triggers the EMINB/EMINU grants).
 * @param householdId        The household settled together; all members share it.
 * @param householdSize      Number of persons in the household.
 * @param settlementType     How the person was settled.
 * @param municipality       Kommunenummer of the settlement municipality.
 * @param settledOn          Settlement date (bosettingsdato); year 1 of the integration grant is its calendar year.
 * @param educationLevel     Highest completed education from the person's competence mapping; absent when the person
 *                           was not mapped (children, arrivals that skipped reception). Added in v1 as an optional
 *                           field (ADR 0005): adult education sets the Norwegian-training deadline from it.
 */
@EventType(name = "PersonSettled", topic = Topics.SETTLEMENT)
public record PersonSettled(
        UUID personId,
        LocalDate birthDate,
        Sex sex,
        String citizenship,
        PermitType permitType,
        LocalDate permitDate,
        Regime regime,
        ArrivalRoute arrivalRoute,
        boolean unaccompaniedMinor,
        UUID householdId,
        int householdSize,
        SettlementType settlementType,
        String municipality,
        LocalDate settledOn,
        @Nullable EducationLevel educationLevel) implements NyStartEvent {

    /** A settlement without a known education level (the v1 shape before {@code educationLevel} was added). */
    public PersonSettled(
            UUID personId,
            LocalDate birthDate,
            Sex sex,
            String citizenship,
            PermitType permitType,
            LocalDate permitDate,
            Regime regime,
            ArrivalRoute arrivalRoute,
            boolean unaccompaniedMinor,
            UUID householdId,
            int householdSize,
            SettlementType settlementType,
            String municipality,
            LocalDate settledOn) {
        this(personId, birthDate, sex, citizenship, permitType, permitDate, regime, arrivalRoute, unaccompaniedMinor,
                householdId, householdSize, settlementType, municipality, settledOn, null);
    }

    @Override
    public String key() {
        return personId.toString();
    }
}
