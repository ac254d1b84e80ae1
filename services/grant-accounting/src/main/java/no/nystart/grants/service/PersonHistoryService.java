package no.nystart.grants.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import no.nystart.grants.api.Views;
import no.nystart.grants.persistence.PersonBasisEntity;
import no.nystart.platform.audit.ReadAudit;
import no.nystart.platform.history.PersonHistory;
import no.nystart.platform.security.Caller;

/**
 * One person's grants as timeline entries: the grant basis at settlement (in the target group or not) and every
 * ledger entry — claims and reversals — on the day it was registered, with the grant code, years, payout quarter and
 * amount in whole kroner. Reads through {@link LedgerQueryService#personClaims} (the same query as
 * {@code GET /persons/{id}/claims}) with the same readers: grant officers, and municipal finance for persons with figures
 * in their municipality (404 otherwise, the same as when grant accounting has never heard of the person); audited. Grant
 * accounting owns no deadline of a person.
 */
@ApplicationScoped
public class PersonHistoryService {
    static final String SERVICE = "grant-accounting";

    private final LedgerQueryService ledger;
    private final ReadAudit readAudit;
    private final Clock clock;

    public PersonHistoryService(LedgerQueryService ledger, ReadAudit readAudit, Clock clock) {
        this.ledger = ledger;
        this.readAudit = readAudit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PersonHistory> history(UUID personId, Caller caller) {
        Uni<Void> scope = caller.isNational() ? Uni.createFrom().voidItem()
                : ledger.municipalitiesOf(personId)
                        .invoke(municipalities -> caller.requirePersonInScope(municipalities, "person", personId)).replaceWithVoid();
        return scope.chain(() -> ledger.personClaims(personId))
                .chain(claims -> PersonBasisEntity.<PersonBasisEntity>findById(personId)
                        .map(basis -> timeline(claims, basis, LocalDate.now(clock))))
                .call(h -> readAudit.record(caller, "GET /api/v1/persons/" + personId + "/history", null, personId));
    }

    static PersonHistory timeline(Views.PersonClaims claims, PersonBasisEntity basis, LocalDate today) {
        PersonHistory.Builder t = PersonHistory.builder(claims.personId(), SERVICE);
        if (basis != null) {
            t.entry(basis.settledOn, basis.createdAt, "GRANT_BASIS", basis.inTargetGroup
                            ? "in the target group of the integration grant, settled in " + basis.settlementMunicipality
                            + " (settlement year " + basis.settlementYear + ")"
                            : "outside the target group of the integration grant: nothing is claimed",
                    "integreringstilskudd", PersonHistory.details("inTargetGroup", basis.inTargetGroup,
                            "settlementMunicipality", basis.settlementMunicipality, "settlementYear", basis.settlementYear,
                            "pendingClaims", claims.pending().isEmpty() ? null : claims.pending().size()));
        }
        for (Views.Claim c : claims.claims()) {
            boolean reversal = "REVERSAL".equals(c.kind());
            t.entry(c.registeredOn(), null, reversal ? "GRANT_REVERSAL" : "GRANT_CLAIM",
                    (reversal ? "reversed " : "claimed ") + c.grantCode() + " " + c.grantYear() + ": " + c.amountNok()
                            + " kr to " + c.municipality() + ", paid " + c.budgetYear() + " Q" + c.payoutQuarter(),
                    rule(c.grantCode()), PersonHistory.details("grantCode", c.grantCode(), "grantYear", c.grantYear(),
                            "settlementYearIndex", c.settlementYearIndex(), "budgetYear", c.budgetYear(),
                            "payoutQuarter", c.payoutQuarter(), "amountNok", c.amountNok(), "municipality", c.municipality(),
                            "rateTableVersion", c.rateTableVersion()));
        }
        return t.build(today);
    }

    /** The grant scheme (and, where the Integration Act names it, the section) behind a grant code. */
    static String rule(String grantCode) {
        if (grantCode.startsWith("AR-") || grantCode.equals("ELDR") || grantCode.equals("BHT")) {
            return "integreringstilskudd";
        }
        if (grantCode.startsWith("EMIN")) {
            return "tilskudd ved bosetting av enslige mindreårige";
        }
        if (grantCode.startsWith("P37D")) {
            return "integreringsloven § 37 d";
        }
        if (grantCode.startsWith("P-")) {
            return "integreringsloven § 27";
        }
        if (grantCode.equals("NYSTART-MOTTAK-OPPL")) {
            return "integreringsloven § 5";
        }
        if (grantCode.equals("NYSTART-MOTTAK-KART")) {
            return "integreringsloven § 6";
        }
        return null;
    }
}
