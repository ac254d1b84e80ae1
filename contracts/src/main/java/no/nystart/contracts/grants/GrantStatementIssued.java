package no.nystart.contracts.grants;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A grant statement for a municipality and budget year was issued: totals per grant code and payout quarter. Keyed by kommunenummer. A later statement for the same municipality and year supersedes the earlier one.
 *
 * @param statementId    The statement.
 * @param municipality   Kommunenummer (four digits) of the municipality; also the Kafka key and ce_subject.
 * @param budgetYear     The budget year of the statement.
 * @param issuedOn       Date the statement was issued.
 * @param totalAmountNok Net total of all lines in whole Norwegian kroner.
 * @param lines          Totals per grant code and payout quarter.
 */
@EventType(name = "GrantStatementIssued", topic = Topics.GRANTS)
public record GrantStatementIssued(
        UUID statementId,
        String municipality,
        int budgetYear,
        LocalDate issuedOn,
        long totalAmountNok,
        List<StatementLine> lines) implements NyStartEvent {

    @Override
    public String key() {
        return municipality;
    }
}
