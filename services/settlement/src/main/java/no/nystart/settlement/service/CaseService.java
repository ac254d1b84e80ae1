package no.nystart.settlement.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.contracts.reception.ResidencePermitGranted;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.contracts.reception.WorkExperience;
import no.nystart.contracts.settlement.ArrivalRoute;
import no.nystart.contracts.settlement.CaseCloseReason;
import no.nystart.contracts.settlement.PersonRegisteredForSettlement;
import no.nystart.contracts.settlement.SettlementCaseClosed;
import no.nystart.platform.events.EventEnvelope;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.persistence.TransactionLock;
import no.nystart.platform.paging.Page;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.validation.ControlDigitRule;
import no.nystart.platform.validation.CountryCodes;
import no.nystart.platform.validation.NationalId;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.settlement.api.CloseCaseRequest;
import no.nystart.settlement.api.RegisterCaseRequest;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.domain.CloseReason;
import no.nystart.settlement.domain.SettlementRules;
import no.nystart.settlement.persistence.SettlementCaseEntity;
import org.jboss.logging.Logger;

/** Settlement cases: opened from arrivals and permits, or registered for routes that skip reception. */
@ApplicationScoped
public class CaseService {
    private static final Logger LOG = Logger.getLogger(CaseService.class);
    private final Clock clock;
    private final Outbox outbox;

    public CaseService(Clock clock, Outbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * Opens a case WAITING_FOR_PERMIT for a new resident. Runs inside the inbox transaction; a
     * second arrival event for a person who already has a case changes nothing. A single arrival
     * (no household id) gets a household of its own.
     */
    public Uni<Void> openForArrival(ResidentRegistered arrival, EventEnvelope envelope) {
        return SettlementCaseEntity.count("personId", arrival.personId()).chain(existing -> {
            if (existing > 0) {
                LOG.infof("person %s already has a settlement case; %s ignored", arrival.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            SettlementCaseEntity c = new SettlementCaseEntity();
            c.id = UUID.randomUUID();
            c.personId = arrival.personId();
            c.householdId = arrival.householdId() != null ? arrival.householdId() : UUID.randomUUID();
            c.status = CaseStatus.WAITING_FOR_PERMIT;
            c.arrivalRoute = ArrivalRoute.ASYLUM;
            c.hostMunicipality = arrival.hostMunicipality();
            c.registeredOn = arrival.registeredOn();
            c.birthDate = arrival.birthDate();
            c.sex = arrival.sex();
            c.citizenship = arrival.citizenship();
            c.openedByEvent = envelope.id();
            c.createdAt = OffsetDateTime.now(clock);
            return c.persist().replaceWithVoid();
        });
    }

    /**
     * A permit makes the person READY for matching and settlement (docs/services/settlement.md). The unaccompanied-minor
     * flag of the household's members is derived again (docs/domain/settlement.md#2, "Enslige mindreårige"). A repeated or late
     * permit for a case past READY changes nothing.
     */
    public Uni<Void> onPermit(ResidencePermitGranted permit, EventEnvelope envelope) {
        return SettlementCaseEntity.<SettlementCaseEntity>find("personId", permit.personId()).firstResult().chain(c -> {
            if (c == null) {
                LOG.warnf("permit %s for person %s without a settlement case; ignored", envelope.id(), permit.personId());
                return Uni.createFrom().voidItem();
            }
            if (c.status != CaseStatus.WAITING_FOR_PERMIT && c.status != CaseStatus.READY) {
                LOG.infof("case of %s is %s; permit %s ignored", permit.personId(), c.status, envelope.id());
                return Uni.createFrom().voidItem();
            }
            c.permitType = permit.permitType();
            c.permitDate = permit.permitDate();
            c.regime = permit.regime();
            c.status = CaseStatus.READY;
            return SettlementCaseEntity.<SettlementCaseEntity>list("householdId", c.householdId).invoke(members -> {
                List<LocalDate> births = members.stream().map(m -> m.birthDate).toList();
                for (SettlementCaseEntity m : members) {
                    if (m.arrivalRoute == ArrivalRoute.ASYLUM && m.permitDate != null) {
                        m.unaccompaniedMinor = SettlementRules.unaccompaniedMinorByComposition(m.birthDate, m.permitDate, births);
                    }
                }
            }).replaceWithVoid();
        });
    }

    /**
     * Keeps the STYRK-08 major groups of the mapped work experience (the competence part of the matching score) and the
     * education level (for PersonSettled). A later mapping replaces an earlier one; the same event twice is stopped by
     * the inbox.
     */
    public Uni<Void> onCompetence(CompetenceMapped mapped, EventEnvelope envelope) {
        return SettlementCaseEntity.<SettlementCaseEntity>find("personId", mapped.personId()).firstResult().invoke(c -> {
            if (c == null) {
                LOG.infof("competence mapping %s for person %s without a settlement case; ignored", envelope.id(), mapped.personId());
                return;
            }
            TreeSet<Integer> groups = new TreeSet<>();
            for (WorkExperience w : mapped.workExperience() == null ? List.<WorkExperience>of() : mapped.workExperience()) {
                if (w != null && w.styrkCode() != null && !w.styrkCode().isEmpty() && Character.isDigit(w.styrkCode().charAt(0))) {
                    groups.add(w.styrkCode().charAt(0) - '0');
                }
            }
            c.occupationGroups = groups.stream().map(String::valueOf).collect(Collectors.joining(","));
            // carried on PersonSettled (optional v1 field, ADR 0005): adult education sets the Norwegian deadline from it
            c.educationLevel = mapped.educationLevel();
        }).replaceWithVoid();
    }

    /**
     * Registers a household that skips reception → one {@code PersonRegisteredForSettlement} per person, with minted
     * personIds and a shared householdId. The cases are READY (the permit is known).
     */
    @WithTransaction
    public Uni<List<SettlementCaseEntity>> register(RegisterCaseRequest request, String registeredBy) {
        LocalDate today = LocalDate.now(clock);
        List<Violation> violations = new ArrayList<>();
        if (request.arrivalRoute() == ArrivalRoute.ASYLUM) {
            // asylum arrivals come through reception (ResidentRegistered + ResidencePermitGranted)
            violations.add(new Violation("arrivalRoute", "case.route-skips-reception",
                    "POST /cases is for RESETTLEMENT_QUOTA and FAMILY_REUNIFICATION; asylum cases come from reception"));
        }
        List<String> nationalIds = new ArrayList<>();
        for (int i = 0; i < request.persons().size(); i++) {
            RegisterCaseRequest.Person p = request.persons().get(i);
            String f = "persons[" + i + "].";
            if (p.birthDate().isAfter(today)) {
                violations.add(new Violation(f + "birthDate", "person.birth-date-not-future", "the birth date is in the future"));
            }
            if (p.permitDate().isAfter(today)) {
                violations.add(new Violation(f + "permitDate", "permit.date-not-future", "the permit date is in the future"));
            }
            if (p.permitDate().isBefore(p.birthDate())) {
                violations.add(new Violation(f + "permitDate", "permit.date-after-birth", "the permit date is before the birth date"));
            }
            if (p.arrivalDate() != null && p.arrivalDate().isAfter(today)) {
                violations.add(new Violation(f + "arrivalDate", "person.arrival-not-future", "the arrival date is in the future"));
            }
            if (p.unaccompaniedMinor() && !p.permitDate().isBefore(p.birthDate())
                    && !SettlementRules.mayBeUnaccompaniedMinor(p.birthDate(), p.permitDate())) {
                // docs/domain/settlement.md#2, "Enslige mindreårige": under 18 arriving without parents
                violations.add(new Violation(f + "unaccompaniedMinor", "unaccompanied-minor.under-18",
                        "an unaccompanied minor is under 18 at the permit date (docs/domain/settlement.md#2)"));
            }
            CountryCodes.validateCitizenship(f + "citizenship", p.citizenship()).ifPresent(violations::add);
            if (p.nationalId() != null && !p.nationalId().isBlank()) {
                // docs/domain/identifiers.md#7a: fødselsnummer / D-nummer control digits and birth date
                Optional<Violation> bad = NationalId.validate(f + "nationalId", p.nationalId(), ControlDigitRule.current(clock), clock);
                if (bad.isPresent()) {
                    violations.add(bad.get());
                } else {
                    NationalId id = NationalId.parse(f + "nationalId", p.nationalId(), ControlDigitRule.current(clock), clock);
                    if (id.birthDate().isPresent() && !id.birthDate().get().equals(p.birthDate())) {
                        violations.add(new Violation(f + "nationalId", "national-id.matches-birth-date",
                                "the national identity number does not carry the given birth date"));
                    }
                    if (nationalIds.contains(p.nationalId())) {
                        violations.add(new Violation(f + "nationalId", "national-id.unique", "the same national identity number twice"));
                    }
                    nationalIds.add(p.nationalId());
                }
            }
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(new RuleViolationException(violations));
        }
        // concurrent registrations of one national identity number wait for each other here (sorted, so two
        // households sharing numbers cannot deadlock); the loser then sees the winner's row and gets 409
        Uni<Void> locks = Uni.createFrom().voidItem();
        for (String nationalId : new TreeSet<>(nationalIds)) {
            locks = locks.chain(() -> TransactionLock.on("settlement.national-id", nationalId));
        }
        Uni<Long> existing = locks.chain(() -> nationalIds.isEmpty() ? Uni.createFrom().item(0L)
                : SettlementCaseEntity.count("nationalId in ?1", nationalIds));
        return existing.chain(count -> {
            if (count > 0) {
                return Uni.createFrom().failure(new ConflictProblem("persons.nationalId",
                        "national-id.unique", "a person with this national identity number is already registered"));
            }
            UUID householdId = UUID.randomUUID();
            int size = request.persons().size();
            List<SettlementCaseEntity> cases = new ArrayList<>();
            for (RegisterCaseRequest.Person p : request.persons()) {
                SettlementCaseEntity c = new SettlementCaseEntity();
                c.id = UUID.randomUUID();
                c.personId = UUID.randomUUID();
                c.householdId = householdId;
                c.status = CaseStatus.READY;
                c.arrivalRoute = request.arrivalRoute();
                c.firstName = p.firstName().strip();
                c.lastName = p.lastName().strip();
                c.nationalId = p.nationalId() == null || p.nationalId().isBlank() ? null : p.nationalId();
                c.birthDate = p.birthDate();
                c.sex = p.sex();
                c.citizenship = p.citizenship();
                c.permitType = p.permitType();
                c.permitDate = p.permitDate();
                c.arrivalDate = p.arrivalDate();
                c.regime = SettlementRules.regime(p.permitType(), p.permitDate(), p.arrivalDate());
                c.unaccompaniedMinor = p.unaccompaniedMinor();
                c.openedByEvent = "POST /api/v1/cases by " + registeredBy;
                c.createdAt = OffsetDateTime.now(clock);
                cases.add(c);
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (SettlementCaseEntity c : cases) {
                chain = chain.chain(() -> c.persist())
                        .chain(() -> outbox.append(new PersonRegisteredForSettlement(c.personId, c.arrivalRoute, c.birthDate,
                                c.sex, c.citizenship, c.permitType, c.permitDate, c.regime, c.unaccompaniedMinor,
                                c.householdId, size, c.arrivalDate)))
                        .replaceWithVoid();
            }
            return chain.replaceWith(cases);
        });
    }

    /**
     * Closes one person's case (status CLOSED, docs/services/settlement.md) with reason, date and user. Rules: unknown case
     * 404; a settled case is not closed (its person is followed by relocation instead) and a closed case not twice
     * (409 {@code case.settled}, {@code case.closed}); the date is not in the future and not before the case was opened
     * (422); OTHER needs a note (422). Closing a PROPOSED case withdraws its proposal, so the place counts as free
     * again. Appends one {@code SettlementCaseClosed} for this person in the same transaction (a closure closes one
     * person, the household stays open; the note is not published). The row is locked, so closing cannot interleave
     * with settling or proposing the household.
     */
    @WithTransaction
    public Uni<SettlementCaseEntity> close(UUID caseId, CloseCaseRequest r, String user) {
        LocalDate today = LocalDate.now(clock);
        List<Violation> violations = new ArrayList<>();
        if (r.closedOn().isAfter(today)) {
            violations.add(new Violation("closedOn", "case.closed-on-not-future", "the closing date is in the future"));
        }
        if (r.reason() == CloseReason.OTHER && (r.note() == null || r.note().isBlank())) {
            violations.add(new Violation("note", "case.close-note-required", "closing for reason OTHER needs a note"));
        }
        return SettlementCaseEntity.<SettlementCaseEntity>findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("settlement case", caseId))
                .chain(c -> {
                    if (c.status == CaseStatus.SETTLED) {
                        return Uni.createFrom().failure(new ConflictProblem("caseId", "case.settled",
                                "case " + caseId + " is settled; a move is registered as a relocation"));
                    }
                    if (c.status == CaseStatus.CLOSED) {
                        return Uni.createFrom().failure(new ConflictProblem("caseId", "case.closed",
                                "case " + caseId + " is already closed (" + c.closeReason + ")"));
                    }
                    LocalDate opened = c.createdAt.atZoneSameInstant(clock.getZone()).toLocalDate();
                    if (r.closedOn().isBefore(opened)) {
                        violations.add(new Violation("closedOn", "case.closed-on-after-opening",
                                "the closing date is before the case was opened (" + opened + ")"));
                    }
                    if (!violations.isEmpty()) {
                        return Uni.createFrom().failure(new RuleViolationException(violations));
                    }
                    // only a PROPOSED case has a live proposal to withdraw
                    String withdrawnProposal = c.status == CaseStatus.PROPOSED ? c.proposedMunicipality : null;
                    c.status = CaseStatus.CLOSED;
                    c.closeReason = r.reason();
                    c.closedOn = r.closedOn();
                    c.closeNote = r.note() == null || r.note().isBlank() ? null : r.note().strip();
                    c.closedBy = user;
                    c.proposedMunicipality = null;
                    c.proposalYear = null;
                    // one event for the one person closed; the note is not published (personal data, ADR 0004)
                    return outbox.append(new SettlementCaseClosed(c.personId, c.householdId, contractReason(r.reason()),
                            c.closedOn, withdrawnProposal)).replaceWith(c);
                });
    }

    private static CaseCloseReason contractReason(CloseReason reason) {
        return switch (reason) {
            case LEFT_NORWAY -> CaseCloseReason.LEFT_NORWAY;
            case EMIGRATED -> CaseCloseReason.EMIGRATED;
            case SETTLED_OUTSIDE_SCHEME -> CaseCloseReason.SETTLED_OUTSIDE_SCHEME;
            case DECEASED -> CaseCloseReason.DECEASED;
            case OTHER -> CaseCloseReason.OTHER;
        };
    }

    /** The sort of the cases list: creation time, then case id (unique, so the order is total). */
    public static final String LIST_SORT = "cases.created-at.id";

    /**
     * One page of the settlement cases (optionally of one status) in the order they were created: ONE bounded
     * keyset query of {@code limit + 1} rows after the cursor (no OFFSET).
     */
    @WithSession
    public Uni<Page<SettlementCaseEntity>> list(CaseStatus status, PageRequest page) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (status != null) {
            params.add(status);
            where.add("status = ?" + params.size());
        }
        page.cursor().ifPresent(after -> {
            params.add(after.timestamp(0));
            params.add(after.uuid(1));
            where.add("(createdAt, id) > (?" + (params.size() - 1) + ", ?" + params.size() + ")");
        });
        String query = (String.join(" and ", where) + " order by createdAt, id").strip();
        return SettlementCaseEntity.<SettlementCaseEntity>find(query, params.toArray()).range(0, page.fetchSize() - 1).list()
                .map(rows -> page.page(rows, c -> new Object[] {c.createdAt, c.id}));
    }

    /** The case and its household (the case first). */
    @WithSession
    public Uni<List<SettlementCaseEntity>> household(UUID caseId) {
        return SettlementCaseEntity.<SettlementCaseEntity>findById(caseId)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("settlement case", caseId))
                .chain(c -> SettlementCaseEntity.<SettlementCaseEntity>list("householdId = ?1 order by birthDate", c.householdId)
                        .map(members -> {
                            List<SettlementCaseEntity> ordered = new ArrayList<>();
                            ordered.add(c);
                            members.stream().filter(m -> !m.id.equals(c.id)).forEach(ordered::add);
                            return ordered;
                        }));
    }
}
