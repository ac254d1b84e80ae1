package no.nystart.grants.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import no.nystart.contracts.grants.GrantClaimRegistered;
import no.nystart.contracts.grants.GrantClaimReversed;
import no.nystart.contracts.grants.GrantCode;
import no.nystart.contracts.grants.ReversalReason;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.grants.domain.ClaimLine;
import no.nystart.grants.domain.GrantCodes;
import no.nystart.grants.domain.GrantRules;
import no.nystart.grants.domain.PayoutTerm;
import no.nystart.grants.domain.RelocationSplit;
import no.nystart.grants.domain.SettledPerson;
import no.nystart.grants.domain.YearOneClaims;
import no.nystart.grants.persistence.LedgerEntryEntity;
import no.nystart.grants.persistence.LedgerSql;
import no.nystart.grants.persistence.PersonBasisEntity;
import no.nystart.platform.events.EventEnvelope;
import no.nystart.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/** Claims caused by settlement events. The handlers run inside the inbox transaction (no transaction of their own). */
@ApplicationScoped
public class ClaimService {
    private static final Logger LOG = Logger.getLogger(ClaimService.class);

    private final LedgerSql ledger;
    private final Outbox outbox;
    private final GrantRules rules;
    private final Clock clock;
    private final TrainingGrantService trainingGrants;

    public ClaimService(LedgerSql ledger, Outbox outbox, GrantRules rules, Clock clock, TrainingGrantService trainingGrants) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.rules = rules;
        this.clock = clock;
        this.trainingGrants = trainingGrants;
    }

    /** The ce_id as the UUID the contracts' causingEventId needs (a non-UUID ce_id maps to a name-based UUID). */
    static UUID eventId(EventEnvelope envelope) {
        try {
            return UUID.fromString(envelope.id());
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(envelope.id().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * PersonSettled: year-1 claims to the settlement municipality (DOMAIN.md 5b, 5d). A person outside the target
     * group is recorded with the reason and triggers nothing. A second PersonSettled for the same person (another
     * ce_id) changes nothing.
     */
    public Uni<Void> onSettled(PersonSettled event, EventEnvelope envelope) {
        return PersonBasisEntity.<PersonBasisEntity>findById(event.personId()).chain(existing -> {
            if (existing != null) {
                LOG.infof("person %s already settled for grant purposes; %s ignored", event.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            SettledPerson person = new SettledPerson(event.birthDate(), event.citizenship(), event.permitType(),
                    event.settlementType(), event.unaccompaniedMinor(), event.householdSize(), event.municipality(),
                    event.settledOn());
            YearOneClaims.Decision decision = YearOneClaims.decide(person, rules);
            UUID cause = eventId(envelope);
            decision.exclusionReason().ifPresent(reason -> LOG.infof("person %s triggers no grant: %s", event.personId(), reason));
            Uni<Integer> basis = ledger.update("""
                    insert into person_basis (person_id, birth_date, birth_year, citizenship, permit_type, settlement_type,
                        unaccompanied_minor, household_size, settled_on, settlement_year, settlement_municipality,
                        municipality, in_target_group, exclusion_reason, settled_event_id)
                    values (cast(?1 as uuid), cast(?2 as date), cast(?3 as integer), cast(?4 as text), cast(?5 as text),
                        cast(?6 as text), cast(?7 as boolean), cast(?8 as integer), cast(?9 as date), cast(?10 as integer),
                        cast(?11 as text), cast(?11 as text), cast(?12 as boolean), nullif(cast(?13 as text), ''),
                        cast(?14 as uuid))
                    on conflict (person_id) do nothing
                    """, event.personId(), event.birthDate(), event.birthDate().getYear(), event.citizenship(),
                    event.permitType().name(), event.settlementType().name(), event.unaccompaniedMinor(),
                    event.householdSize(), event.settledOn(), event.settledOn().getYear(), event.municipality(),
                    decision.exclusionReason().isEmpty(), decision.exclusionReason().orElse(""), cause);
            Uni<Void> chain = basis.replaceWithVoid();
            for (ClaimLine line : decision.claims()) {
                String code = GrantCodes.wire(line.grantCode());
                chain = chain.chain(() -> ledger.insertDue("settled:" + event.personId() + ":" + code, event.personId(),
                        event.municipality(), code, line.grantYear(), line.settlementYearIndex(), line.term().budgetYear(),
                        line.term().quarter(), line.part(), line.parts(), cause, "PersonSettled")).replaceWithVoid();
            }
            // the citizenship may complete an established right to Norwegian training waiting for it (DOMAIN.md 5f)
            return chain.chain(() -> trainingGrants.norwegianClaims(event.personId()))
                    .chain(() -> ledger.registerForPerson(event.personId())).replaceWithVoid();
        });
    }

    /**
     * PersonRelocated: the person's municipality of residence changes; in the moving year the year's grants are
     * split (DOMAIN.md 5b): every claim of that year to the municipality moved from is reversed, and the moving
     * municipality gets a new entry for the current and following month(s), the new municipality one for the rest.
     */
    public Uni<Void> onRelocated(PersonRelocated event, EventEnvelope envelope) {
        return PersonBasisEntity.<PersonBasisEntity>findById(event.personId()).chain(basis -> {
            if (basis == null) {
                LOG.infof("person %s is not known to grant accounting (not settled); relocation %s ignored",
                        event.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            Uni<Integer> moved = ledger.update("update person_basis set municipality = cast(?1 as text) where person_id = cast(?2 as uuid)",
                    event.toMunicipality(), event.personId());
            if (!basis.inTargetGroup) {
                return moved.replaceWithVoid();
            }
            int year = event.movedOn().getYear();
            return moved.chain(() -> LedgerEntryEntity.<LedgerEntryEntity>list("""
                            from LedgerEntryEntity e where e.personId = ?1 and e.municipality = ?2 and e.grantYear = ?3
                            and e.kind = 'CLAIM' and not exists (select 1 from LedgerEntryEntity r where r.reversedEntryId = e.id)
                            order by e.seq""", event.personId(), event.fromMunicipality(), year))
                    .chain(entries -> split(event, envelope, entries));
        });
    }

    private Uni<Void> split(PersonRelocated event, EventEnvelope envelope, List<LedgerEntryEntity> entries) {
        Map<String, List<LedgerEntryEntity>> byCode = new LinkedHashMap<>();
        for (LedgerEntryEntity e : entries) {
            if (GrantCodes.SPLIT_ON_RELOCATION.contains(GrantCodes.fromWire(e.grantCode))) {
                byCode.computeIfAbsent(e.grantCode + "|" + e.budgetYear, k -> new ArrayList<>()).add(e);
            }
        }
        if (byCode.isEmpty()) {
            LOG.infof("relocation %s of person %s: no claims of %d in %s to split", envelope.id(), event.personId(),
                    event.movedOn().getYear(), event.fromMunicipality());
            return Uni.createFrom().voidItem();
        }
        UUID cause = eventId(envelope);
        LocalDate today = LocalDate.now(clock);
        PayoutTerm term = PayoutTerm.firstOnOrAfter(event.movedOn(), rules);
        List<Supplier<Uni<?>>> steps = new ArrayList<>();
        for (List<LedgerEntryEntity> group : byCode.values()) {
            LedgerEntryEntity first = group.get(0);
            GrantCode code = GrantCodes.fromWire(first.grantCode);
            // the reversal and the new entries settle in the payout term of the move, within the claims' budget year
            int quarter = term.budgetYear() == first.budgetYear ? term.quarter() : (term.budgetYear() > first.budgetYear ? 4 : 1);
            long annual = 0;
            for (LedgerEntryEntity e : group) {
                annual += e.amountNok;
                UUID reversalId = UUID.randomUUID();
                steps.add(() -> ledger.insertEntry(reversalId, "REVERSAL", e.id, e.personId, e.municipality, e.grantCode,
                        e.grantYear, e.budgetYear, e.settlementYearIndex, quarter, -e.amountNok, e.rateTableId,
                        e.rateTableVersion, ReversalReason.RELOCATION_SPLIT.name(), cause, "PersonRelocated", today));
                steps.add(() -> outbox.append(new GrantClaimReversed(reversalId, e.id, e.personId, e.municipality, code,
                        e.budgetYear, e.settlementYearIndex, quarter, -e.amountNok, e.rateTableVersion,
                        ReversalReason.RELOCATION_SPLIT, cause, today)));
            }
            RelocationSplit split = RelocationSplit.of(annual, event.movedOn(), rules);
            addClaim(steps, first, code, event.fromMunicipality(), split.keptByFrom(), quarter, cause, today);
            addClaim(steps, first, code, event.toMunicipality(), split.toNewMunicipality(), quarter, cause, today);
        }
        return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(Supplier::get)
                .collect().last().replaceWithVoid();
    }

    private void addClaim(List<Supplier<Uni<?>>> steps, LedgerEntryEntity basis, GrantCode code, String municipality,
            long amount, int quarter, UUID cause, LocalDate today) {
        if (amount == 0) {
            return;
        }
        UUID id = UUID.randomUUID();
        steps.add(() -> ledger.insertEntry(id, "CLAIM", null, basis.personId, municipality, basis.grantCode,
                basis.grantYear, basis.budgetYear, basis.settlementYearIndex, quarter, amount, basis.rateTableId,
                basis.rateTableVersion, null, cause, "PersonRelocated", today));
        steps.add(() -> outbox.append(new GrantClaimRegistered(id, basis.personId, municipality, code, basis.budgetYear,
                basis.settlementYearIndex, quarter, amount, basis.rateTableVersion, cause, today)));
    }
}
