package no.nystart.settlement.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.validation.Municipalities;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.settlement.api.RelocationRequest;
import no.nystart.settlement.api.SettleRequest;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.domain.SettlementRules;
import no.nystart.settlement.persistence.MunicipalityDecisionEntity;
import no.nystart.settlement.persistence.RelocationEntity;
import no.nystart.settlement.persistence.SettlementCaseEntity;

/** Settles households and registers relocations. */
@ApplicationScoped
public class SettlementService {
    private final Outbox outbox;
    private final Clock clock;

    public SettlementService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Settles the whole household of a case (docs/services/settlement.md: a household is settled together; docs/domain/settlement.md#2,
     * "Bosettingsdato": registered per family member) → one {@code PersonSettled} per member. Rules: every member has a
     * permit (422), the date is not before any member's permit nor in the future (422), a household is settled once
     * (409), and a settlement counted against the decision (docs/domain/settlement.md#2: by agreement or agreed self-settlement) must
     * fit in the municipality's decision for the year — total and unaccompanied minors — unless overridden with a
     * reason (409). The decision row and the household's rows are locked before they are read, so two settlements
     * cannot both take the last places and concurrent calls for one household settle it once (issue 15: the others
     * answer 409 {@code settlement.once}).
     */
    @WithTransaction
    public Uni<List<SettlementCaseEntity>> settle(UUID caseId, SettleRequest r, String user) {
        Municipalities.instance().get("municipality", r.municipality());
        LocalDate today = LocalDate.now(clock);
        if (r.settledOn().isAfter(today)) {
            throw new RuleViolationException("settledOn", "settlement.date-not-future", "the settlement date is in the future");
        }
        int year = r.settledOn().getYear();
        // Locks first, reads after: the decision row, then every row of the case's household in one
        // select ... for update (in id order, so two calls naming different members wait instead of deadlocking).
        // The household is found by a subquery, not by loading the case first: an entity already in the session is
        // not re-read by a locking query, so a case loaded before its lock kept the status it had before a
        // concurrent settlement committed, and a one-person household was settled once per concurrent call.
        return MunicipalityDecisionEntity.<MunicipalityDecisionEntity>findById(
                        new MunicipalityDecisionEntity.Key(r.municipality(), year), LockModeType.PESSIMISTIC_WRITE)
                .chain(decision -> SettlementCaseEntity.<SettlementCaseEntity>find(
                                "householdId = (select s.householdId from SettlementCaseEntity s where s.id = ?1) order by id", caseId)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                        .chain(household -> {
                            SettlementCaseEntity c = household.stream().filter(m -> m.id.equals(caseId)).findFirst().orElse(null);
                            if (c == null) {
                                return Uni.createFrom().failure(new NotFoundProblem("settlement case", caseId));
                            }
                            List<SettlementCaseEntity> byBirth = household.stream()
                                    .sorted(java.util.Comparator.comparing((SettlementCaseEntity m) -> m.birthDate,
                                            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).toList();
                            return checkAndSettle(c, byBirth, decision, r, year, user);
                        }));
    }

    private Uni<List<SettlementCaseEntity>> checkAndSettle(SettlementCaseEntity c, List<SettlementCaseEntity> household,
            MunicipalityDecisionEntity decision, SettleRequest r, int year, String user) {
        // a closed case is never settled; the household's other members are settled without it
        if (c.status == CaseStatus.CLOSED) {
            return Uni.createFrom().failure(new ConflictProblem("caseId", "settlement.case-closed",
                    "case " + c.id + " is closed (" + c.closeReason + ")"));
        }
        List<SettlementCaseEntity> members = household.stream().filter(m -> m.status != CaseStatus.CLOSED).toList();
        for (SettlementCaseEntity m : members) {
            if (m.status == CaseStatus.SETTLED) {
                return Uni.createFrom().failure(new ConflictProblem("caseId", "settlement.once",
                        "the household of case " + c.id + " is already settled"));
            }
        }
        for (SettlementCaseEntity m : members) {
            if (m.permitDate == null || m.status == CaseStatus.WAITING_FOR_PERMIT) {
                return Uni.createFrom().failure(new RuleViolationException("caseId", "settlement.permit-required",
                        "person " + m.personId + " of the household has no residence permit yet"));
            }
            if (!SettlementRules.settlementDateAllowed(r.settledOn(), m.permitDate)) {
                return Uni.createFrom().failure(new RuleViolationException("settledOn", "settlement.date-before-permit",
                        "the settlement date is before the permit of person " + m.personId + " (" + m.permitDate
                                + "); docs/domain/settlement.md#2, Bosettingsdato"));
            }
        }
        boolean overridden = r.override() != null;
        Uni<Void> capacityCheck = Uni.createFrom().voidItem();
        if (Capacity.COUNTING.contains(r.settlementType()) && !overridden) {
            capacityCheck = SettlementCaseEntity.<SettlementCaseEntity>list(
                    "householdId <> ?5 and ((settledMunicipality = ?1 and settledOn >= ?2 and settledOn < ?3) or (proposedMunicipality = ?1 and proposalYear = ?4))",
                    r.municipality(), Capacity.yearStart(year), Capacity.nextYearStart(year), year, c.householdId).invoke(others -> {
                        List<SettlementCaseEntity> used = others.stream()
                                .filter(o -> (r.municipality().equals(o.settledMunicipality) && Capacity.countsAsSettled(o, year))
                                        || (r.municipality().equals(o.proposedMunicipality) && Capacity.countsAsProposed(o, year)))
                                .toList();
                        int decided = decision == null ? 0 : decision.decidedTotal;
                        int decidedMinors = decision == null ? 0 : decision.decidedUnaccompaniedMinors;
                        int minorsHere = Capacity.minors(members);
                        if (used.size() + members.size() > decided) {
                            throw new ConflictProblem("municipality", "settlement.capacity",
                                    "settling " + members.size() + " persons would exceed the decision of " + r.municipality()
                                            + " for " + year + " (decided " + decided + ", settled or proposed " + used.size()
                                            + "); give an override with a reason to settle anyway");
                        }
                        if (minorsHere > 0 && Capacity.minors(used) + minorsHere > decidedMinors) {
                            throw new ConflictProblem("municipality", "settlement.capacity-unaccompanied-minors",
                                    "settling " + minorsHere + " unaccompanied minors would exceed the minor places of "
                                            + r.municipality() + " for " + year + " (decided " + decidedMinors
                                            + "); docs/domain/settlement.md#2, Enslige mindreårige; give an override with a reason");
                        }
                    }).replaceWithVoid();
        }
        return capacityCheck.chain(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            int size = members.size();
            for (SettlementCaseEntity m : members) {
                m.status = CaseStatus.SETTLED;
                m.settledMunicipality = r.municipality();
                m.currentMunicipality = r.municipality();
                m.settledOn = r.settledOn();
                m.settlementType = r.settlementType();
                m.overrideReason = overridden ? r.override().reason().strip() + " (override by " + user + ")" : null;
                boolean minor = Boolean.TRUE.equals(m.unaccompaniedMinor);
                chain = chain.chain(() -> outbox.append(new PersonSettled(m.personId, m.birthDate, m.sex, m.citizenship,
                        m.permitType, m.permitDate, m.regime, m.arrivalRoute, minor, m.householdId, size, m.settlementType,
                        m.settledMunicipality, m.settledOn, m.educationLevel))).replaceWithVoid();
            }
            List<SettlementCaseEntity> result = new ArrayList<>(members);
            return chain.replaceWith(result);
        });
    }

    /**
     * A settled person moved (docs/services/settlement.md; docs/domain/grants.md#5b: the new municipality takes over) →
     * {@code PersonRelocated}. Only a settled person moves; not to the municipality they live in; not before the
     * settlement or an earlier move; not in the future.
     */
    @WithTransaction
    public Uni<RelocationEntity> relocate(UUID personId, RelocationRequest r) {
        Municipalities.instance().get("toMunicipality", r.toMunicipality());
        if (r.movedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("movedOn", "relocation.date-not-future", "the move date is in the future");
        }
        return SettlementCaseEntity.<SettlementCaseEntity>find("personId", personId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundProblem("person", personId))
                .chain(c -> {
                    if (c.status != CaseStatus.SETTLED) {
                        return Uni.createFrom().failure(new RuleViolationException("personId", "relocation.settled-only",
                                "person " + personId + " is not settled (" + c.status + ")"));
                    }
                    if (r.toMunicipality().equals(c.currentMunicipality)) {
                        return Uni.createFrom().failure(new ConflictProblem("toMunicipality", "relocation.same-municipality",
                                "the person already lives in " + r.toMunicipality()));
                    }
                    return RelocationEntity.<RelocationEntity>find("personId = ?1 order by movedOn desc", personId).firstResult()
                            .chain(last -> {
                                LocalDate earliest = last != null ? last.movedOn : c.settledOn;
                                if (r.movedOn().isBefore(earliest)) {
                                    return Uni.createFrom().failure(new RuleViolationException("movedOn",
                                            "relocation.after-settlement", "the move date is before the settlement or the last move ("
                                                    + earliest + ")"));
                                }
                                RelocationEntity move = new RelocationEntity();
                                move.id = UUID.randomUUID();
                                move.personId = personId;
                                move.fromMunicipality = c.currentMunicipality;
                                move.toMunicipality = r.toMunicipality();
                                move.movedOn = r.movedOn();
                                move.relocationType = r.relocationType();
                                move.createdAt = OffsetDateTime.now(clock);
                                c.currentMunicipality = r.toMunicipality();
                                return move.<RelocationEntity>persist()
                                        .call(saved -> outbox.append(new PersonRelocated(personId, saved.fromMunicipality,
                                                saved.toMunicipality, saved.movedOn, saved.relocationType, c.householdId)));
                            });
                });
    }
}
