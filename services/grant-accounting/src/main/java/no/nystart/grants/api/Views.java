package no.nystart.grants.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.grants.StatementLine;

/** Response bodies. */
public final class Views {
    private Views() {
    }

    public record Rate(String grantCode, long amountNok, String source, boolean verified) {
    }

    public record RateTableVersion(String version, boolean current, String createdBy, OffsetDateTime createdAt,
            OffsetDateTime supersededAt, long ledgerEntries) {
    }

    /** The current version of a year's table, its rates, and the history of versions; registeredPending is the
     * number of waiting claims the PUT registered. */
    public record RateTable(int year, String version, boolean immutable, List<Rate> rates, List<RateTableVersion> history,
            Integer registeredPending) {
    }

    public record AnnualRun(UUID runId, int year, long claimsDue, long registered, long pendingForYear) {
    }

    public record PendingClaim(UUID personId, String municipality, String grantCode, int grantYear, int budgetYear,
            int payoutQuarter, String causingEventType, UUID causingEventId, String waitingFor) {
    }

    /**
     * A statement: issued ({@code statementId}, {@code payoutQuarter} = the last payout term it covers, {@code issuedOn})
     * or the current figures of the whole year (those three null).
     */
    public record Statement(UUID statementId, String municipality, int budgetYear, Integer payoutQuarter, LocalDate issuedOn,
            long totalAmountNok, List<StatementLine> lines, List<PendingClaim> pending) {
    }

    public record Claim(UUID claimId, String kind, UUID reversedClaimId, UUID reversedBy, String municipality,
            String grantCode, int grantYear, int budgetYear, Integer settlementYearIndex, int payoutQuarter,
            long amountNok, String rateTableVersion, String reversalReason, UUID causingEventId,
            String causingEventType, LocalDate registeredOn) {
    }

    /**
     * A person's claims. The settlement fields are null for a person known only from reception or adult education;
     * {@code grantExclusions} names the training grants an event gave no claim for, and why.
     */
    public record PersonClaims(UUID personId, String settlementMunicipality, String municipality, LocalDate settledOn,
            Boolean inTargetGroup, String exclusionReason, long netAmountNok, List<Claim> claims,
            List<PendingClaim> pending, List<GrantExclusion> grantExclusions) {
    }

    public record GrantExclusion(String scheme, String reason, String causingEventType, UUID causingEventId) {
    }
}
