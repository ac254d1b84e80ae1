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
     * PersonSettled: year-1 claims to the settlement municipality (docs/domain/grants.md#5b, 5d). A person outside the target
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
            // the citizenship may complete an established right to Norwegian training waiting for it (docs/domain/grants.md#5f)
            return chain.chain(() -> trainingGrants.norwegianClaims(event.personId()))
                    .chain(() -> ledger.registerForPerson(event.personId())).replaceWithVoid();
        });
    }

    /**
     * PersonRelocated: the person's municipality of residence changes. The move is recorded (table {@code relocation},
     * once per event) and the person's grants of the moving year are split over ALL the person's moves of that year
     * (docs/domain/grants.md#5b, {@link #rebalance}); the Norwegian-training person grant of later years follows the person
     * (docs/domain/grants.md#5f, {@link #trainingFollows}).
     */
    public Uni<Void> onRelocated(PersonRelocated event, EventEnvelope envelope) {
        UUID cause = eventId(envelope);
        int year = event.movedOn().getYear();
        // docs/domain/grants.md#5f: the person grant goes to the bostedskommune, whether or not the person is in the 5b target group
        Uni<Void> training = trainingFollows(event.personId(), year, event.toMunicipality(), cause);
        return training.chain(() -> PersonBasisEntity.<PersonBasisEntity>findById(event.personId())).chain(basis -> {
            if (basis == null) {
                LOG.infof("person %s is not known to grant accounting (not settled); relocation %s ignored for docs/domain/grants.md#5b",
                        event.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            Uni<Integer> moved = ledger.update("update person_basis set municipality = cast(?1 as text) where person_id = cast(?2 as uuid)",
                    event.toMunicipality(), event.personId())
                    .chain(() -> ledger.update("""
                            insert into relocation (event_id, person_id, from_municipality, to_municipality, moved_on, moved_year)
                            values (cast(?1 as uuid), cast(?2 as uuid), cast(?3 as text), cast(?4 as text), cast(?5 as date),
                                cast(?6 as integer))
                            on conflict (event_id) do nothing
                            """, cause, event.personId(), event.fromMunicipality(), event.toMunicipality(), event.movedOn(), year));
            if (!basis.inTargetGroup) {
                return moved.replaceWithVoid();
            }
            return moved.chain(() -> rebalance(event.personId(), year));
        });
    }

    /**
     * After claims of {@code grantYear} were registered (a rate table's pending claims, an annual run): applies the
     * recorded moves of that year to the persons who moved in it (docs/domain/grants.md#5b), so a claim of the moving year
     * registered after the move - a claim due that waited for a rate, or the annual run paying the whole year to the
     * new municipality of residence - ends up split like one registered before it. One indexed query when nobody
     * moved that year; otherwise per moving person only.
     */
    public Uni<Void> applyRelocations(int grantYear) {
        return ledger.query(LedgerSql.MOVES_OF_YEAR, grantYear).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            // the moves come ordered by person, then date: one group per moving person
            Map<UUID, List<Object[]>> byPerson = new LinkedHashMap<>();
            for (Object[] row : rows) {
                byPerson.computeIfAbsent(UUID.fromString((String) row[4]), p -> new ArrayList<>()).add(row);
            }
            return Multi.createFrom().iterable(byPerson.entrySet()).onItem()
                    .transformToUniAndConcatenate(p -> rebalance(p.getKey(), grantYear, p.getValue()))
                    .collect().last().replaceWithVoid();
        });
    }

    /** A ledger entry as {@link #rebalance} reads it. */
    private record Entry(UUID id, UUID personId, String kind, String municipality, String grantCode, int grantYear, int budgetYear,
            Integer settlementYearIndex, int payoutQuarter, long amountNok, UUID rateTableId, String rateTableVersion,
            boolean reversed) {
        boolean open() {
            return "CLAIM".equals(kind) && !reversed;
        }
    }

    private static final String ENTRIES = """
            select cast(e.id as text), e.kind, e.municipality, e.grant_code, e.grant_year, e.budget_year,
                coalesce(e.settlement_year_index, 0), e.payout_quarter, e.amount_nok, cast(e.rate_table_id as text),
                e.rate_table_version,
                case when e.kind = 'CLAIM' and exists (select 1 from ledger_entry r where r.reversed_entry_id = e.id)
                     then 1 else 0 end
            from ledger_entry e
            where e.person_id = cast(?1 as uuid) and %s
            order by e.seq
            """;

    /** The person's entries matching {@code filter} (?2 is {@code grantYear}), in ledger order. */
    private Uni<List<Entry>> entries(UUID personId, int grantYear, String filter) {
        return ledger.query(ENTRIES.formatted(filter), personId, grantYear).map(rows -> rows.stream().map(r -> {
            int index = ((Number) r[6]).intValue();
            return new Entry(UUID.fromString((String) r[0]), personId, (String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), index == 0 ? null : index,
                    ((Number) r[7]).intValue(), ((Number) r[8]).longValue(), UUID.fromString((String) r[9]), (String) r[10],
                    ((Number) r[11]).intValue() == 1);
        }).toList());
    }

    /**
     * docs/domain/grants.md#5b for one person and moving year, over ALL the person's moves of that year in date order: per grant
     * code (of {@link GrantCodes#SPLIT_ON_RELOCATION}) and budget year, {@code annual} = the person's net total over all
     * municipalities (claims minus reversals), and each municipality's share is {@link RelocationSplit#shares}
     * (kept(m) = Money.share(annual, m, 12) cumulative). A municipality whose net differs from its share has its open
     * claims reversed and gets one new claim of its share; one whose net is its share is left alone. Applying it again
     * changes nothing, so it serves the move itself, a second move, and claims registered after the move.
     */
    Uni<Void> rebalance(UUID personId, int year) {
        return ledger.query(LedgerSql.MOVES_OF_PERSON, personId, year).chain(rows -> rebalance(personId, year, rows));
    }

    /** {@link #rebalance(UUID, int)} with the person's moves of the year already read (rows of LedgerSql.MOVES_OF_*). */
    private Uni<Void> rebalance(UUID personId, int year, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<RelocationSplit.Move> moves = rows.stream().map(r -> new RelocationSplit.Move((String) r[0], (String) r[1],
                LocalDate.parse((String) r[2]))).toList();
        Object[] last = rows.get(rows.size() - 1);
        UUID cause = UUID.fromString((String) last[3]);
        LocalDate lastMove = LocalDate.parse((String) last[2]);
        return entries(personId, year, "e.grant_year = cast(?2 as integer)")
                .chain(entries -> split(personId, year, moves, lastMove, cause, entries));
    }

    private Uni<Void> split(UUID personId, int year, List<RelocationSplit.Move> moves, LocalDate lastMove, UUID cause,
            List<Entry> entries) {
        Map<String, List<Entry>> byCode = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (GrantCodes.SPLIT_ON_RELOCATION.contains(GrantCodes.fromWire(e.grantCode()))) {
                byCode.computeIfAbsent(e.grantCode() + "|" + e.budgetYear(), k -> new ArrayList<>()).add(e);
            }
        }
        LocalDate today = LocalDate.now(clock);
        PayoutTerm term = PayoutTerm.firstOnOrAfter(lastMove, rules);
        List<Supplier<Uni<?>>> steps = new ArrayList<>();
        for (List<Entry> group : byCode.values()) {
            Map<String, Long> net = new LinkedHashMap<>();
            Entry template = null;
            for (Entry e : group) {
                net.merge(e.municipality(), e.amountNok(), Long::sum);
                if (e.open()) {
                    template = e;
                }
            }
            long annual = net.values().stream().mapToLong(Long::longValue).sum();
            if (template == null || annual <= 0) {
                continue;
            }
            Entry basis = template;
            GrantCode code = GrantCodes.fromWire(basis.grantCode());
            // the reversal and the new entries settle in the payout term of the (last) move, within the claims' budget year
            int quarter = term.budgetYear() == basis.budgetYear() ? term.quarter() : (term.budgetYear() > basis.budgetYear() ? 4 : 1);
            Map<String, Long> shares = RelocationSplit.shares(annual, moves, rules);
            List<String> municipalities = new ArrayList<>(net.keySet());
            shares.keySet().stream().filter(m -> !net.containsKey(m)).forEach(municipalities::add);
            for (String municipality : municipalities) {
                long share = shares.getOrDefault(municipality, 0L);
                if (net.getOrDefault(municipality, 0L) == share) {
                    continue;
                }
                for (Entry e : group) {
                    if (e.open() && e.municipality().equals(municipality)) {
                        addReversal(steps, e, code, quarter, cause, today);
                    }
                }
                addClaim(steps, basis, code, municipality, share, quarter, cause, today);
            }
        }
        if (steps.isEmpty()) {
            LOG.debugf("person %s: the grants of %d are split as the moves of that year say", personId, year);
            return Uni.createFrom().voidItem();
        }
        return run(steps);
    }

    /**
     * docs/domain/grants.md#5f: the Norwegian-training person grant goes to the municipality of residence ("bostedskommune per
     * folkeregistrert adresse"). On a move, the person's P-AR* claims of the years AFTER the moving year follow the
     * person: claims due still waiting for a rate are moved to the new municipality (claim_due.municipality; id and
     * claim_key stay), registered entries are reversed and registered again for the new municipality in the same
     * budget year and quarter. The moving year itself stays as it is.
     */
    Uni<Void> trainingFollows(UUID personId, int movingYear, String toMunicipality, UUID cause) {
        Uni<Integer> due = ledger.update("""
                update claim_due d set municipality = cast(?3 as text)
                where d.person_id = cast(?1 as uuid) and d.grant_code like 'P-AR%' and d.grant_year > cast(?2 as integer)
                  and d.municipality <> cast(?3 as text)
                  and not exists (select 1 from ledger_entry e where e.segment = 'live' and e.due_id = d.id)
                """, personId, movingYear, toMunicipality);
        return due.chain(() -> entries(personId, movingYear,
                        "e.grant_year > cast(?2 as integer) and e.grant_code like 'P-AR%' and e.kind = 'CLAIM'"))
                .chain(entries -> {
                    LocalDate today = LocalDate.now(clock);
                    List<Supplier<Uni<?>>> steps = new ArrayList<>();
                    for (Entry e : entries) {
                        if (!e.open() || e.municipality().equals(toMunicipality)) {
                            continue;
                        }
                        GrantCode code = GrantCodes.fromWire(e.grantCode());
                        addReversal(steps, e, code, e.payoutQuarter(), cause, today);
                        addClaim(steps, e, code, toMunicipality, e.amountNok(), e.payoutQuarter(), cause, today);
                    }
                    return steps.isEmpty() ? Uni.createFrom().voidItem() : run(steps);
                });
    }

    private static Uni<Void> run(List<Supplier<Uni<?>>> steps) {
        return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(Supplier::get)
                .collect().last().replaceWithVoid();
    }

    private void addReversal(List<Supplier<Uni<?>>> steps, Entry e, GrantCode code, int quarter, UUID cause, LocalDate today) {
        UUID reversalId = UUID.randomUUID();
        steps.add(() -> ledger.insertEntry(reversalId, "REVERSAL", e.id(), e.personId(), e.municipality(), e.grantCode(),
                e.grantYear(), e.budgetYear(), e.settlementYearIndex(), quarter, -e.amountNok(), e.rateTableId(),
                e.rateTableVersion(), ReversalReason.RELOCATION_SPLIT.name(), cause, "PersonRelocated", today));
        steps.add(() -> outbox.append(new GrantClaimReversed(reversalId, e.id(), e.personId(), e.municipality(), code,
                e.budgetYear(), e.settlementYearIndex(), quarter, -e.amountNok(), e.rateTableVersion(),
                ReversalReason.RELOCATION_SPLIT, cause, today)));
    }

    /** A new claim like {@code basis} (same code, years and rate) for another municipality, amount and quarter. */
    private void addClaim(List<Supplier<Uni<?>>> steps, Entry basis, GrantCode code, String municipality, long amount,
            int quarter, UUID cause, LocalDate today) {
        if (amount == 0) {
            return;
        }
        UUID id = UUID.randomUUID();
        steps.add(() -> ledger.insertEntry(id, "CLAIM", null, basis.personId(), municipality, basis.grantCode(),
                basis.grantYear(), basis.budgetYear(), basis.settlementYearIndex(), quarter, amount, basis.rateTableId(),
                basis.rateTableVersion(), null, cause, "PersonRelocated", today));
        steps.add(() -> outbox.append(new GrantClaimRegistered(id, basis.personId(), municipality, code, basis.budgetYear(),
                basis.settlementYearIndex(), quarter, amount, basis.rateTableVersion(), cause, today)));
    }
}
