package no.nystart.contracts.settlement;

import java.time.LocalDate;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * IMDi's settlement request to a municipality for a year and the municipality's decision were registered. Keyed by kommunenummer. A later event for the same municipality and year replaces the earlier one.
 *
 * @param municipality                 Kommunenummer (four digits) of the municipality; also the Kafka key and ce_subject.
 * @param year                         The settlement year the decision is for.
 * @param requestedTotal               Number of refugees IMDi asked the municipality to settle.
 * @param requestedUnaccompaniedMinors Of which unaccompanied minors.
 * @param decidedTotal                 Number the municipal council decided to settle.
 * @param decidedUnaccompaniedMinors   Of which unaccompanied minors.
 * @param decidedOn                    Date of the municipal council's decision.
 */
@EventType(name = "MunicipalityDecisionRegistered", topic = Topics.SETTLEMENT)
public record MunicipalityDecisionRegistered(
        String municipality,
        int year,
        int requestedTotal,
        int requestedUnaccompaniedMinors,
        int decidedTotal,
        int decidedUnaccompaniedMinors,
        LocalDate decidedOn) implements NyStartEvent {

    @Override
    public String key() {
        return municipality;
    }
}
