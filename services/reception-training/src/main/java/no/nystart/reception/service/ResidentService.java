package no.nystart.reception.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.platform.audit.ReadAudit;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.persistence.TransactionLock;
import no.nystart.platform.paging.Page;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.reception.domain.Arrival;
import no.nystart.reception.persistence.ReceptionCentreEntity;
import no.nystart.reception.persistence.ResidencePermitEntity;
import no.nystart.reception.persistence.ResidentEntity;
import no.nystart.reception.persistence.TrainingCompletionEntity;
import no.nystart.reception.persistence.TrainingExemptionEntity;
import no.nystart.reception.persistence.TrainingSessionEntity;

/** Registers and reads residents. Every state change and its event commit together. */
@ApplicationScoped
public class ResidentService {
    private final Outbox outbox;
    private final Clock clock;

    private final ResidentLoader loader;
    private final ReadAudit readAudit;

    public ResidentService(Outbox outbox, Clock clock, ResidentLoader loader, ReadAudit readAudit) {
        this.outbox = outbox;
        this.clock = clock;
        this.loader = loader;
        this.readAudit = readAudit;
    }

    /** Registers an arrival → {@code ResidentRegistered}. Same DUF number twice → 409. */
    @WithTransaction
    public Uni<ResidentState> register(Arrival arrival, String registeredBy) {
        arrival.checkRules(LocalDate.now(clock), clock);
        return ReceptionCentreEntity.<ReceptionCentreEntity>findById(arrival.receptionCentreId())
                .onItem().ifNull().failWith(() -> new RuleViolationException("receptionCentreId", "reception-centre.unknown",
                        "no reception centre has id " + arrival.receptionCentreId()))
                // the same DUF number registered twice at once: the second waits here, then sees the first and gets 409
                .call(() -> TransactionLock.on("reception.duf-number", arrival.dufNumber()))
                .chain(centre -> ResidentEntity.count("dufNumber", arrival.dufNumber())
                        .chain(existing -> {
                            if (existing > 0) {
                                return Uni.createFrom().failure(new ConflictProblem("dufNumber", "duf-number.unique",
                                        "a resident with DUF number " + arrival.dufNumber() + " is already registered"));
                            }
                            ResidentEntity resident = toEntity(arrival, registeredBy);
                            return resident.<ResidentEntity>persistAndFlush()
                                    .call(saved -> outbox.append(new ResidentRegistered(saved.personId, centre.id,
                                            centre.hostMunicipality, saved.registeredOn, saved.birthDate, saved.sex,
                                            saved.citizenship, saved.householdId, saved.asylumProcedure)))
                                    .map(saved -> new ResidentState(saved, centre, null, List.of(), List.of(), List.of(),
                                            null, null));
                        }));
    }

    /**
     * A resident with everything known about them, for a person's read: the read is written to the audit log
     * (who, which person, when, endpoint and purpose) in the same transaction.
     */
    @WithTransaction
    public Uni<ResidentState> read(UUID personId, Optional<String> ownCentre, Reader reader) {
        return loader.load(personId, false, ownCentre)
                .call(state -> audit(reader, List.of(personId)));
    }

    /** The sort of the residents list: registration date, then person id (unique, so the order is total). */
    public static final String LIST_SORT = "residents.registered-on.person-id";

    /**
     * One page of the residents of a centre (or of all centres when {@code centreId} is null), ordered by
     * registration date and person id, with their training; every listed person is written to the audit log in one
     * statement. The residents are ONE bounded keyset query ({@code limit + 1} rows after the cursor, no OFFSET);
     * their centres, permits, sessions, exemptions and completions one query each for the whole page.
     */
    @WithTransaction
    public Uni<Page<ResidentState>> list(UUID centreId, boolean includeLeft, PageRequest page, Reader reader) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (centreId != null) {
            params.add(centreId);
            where.add("receptionCentreId = ?" + params.size());
        }
        if (!includeLeft) {
            where.add("leftOn is null");
        }
        page.cursor().ifPresent(after -> {
            params.add(after.date(0));
            params.add(after.uuid(1));
            where.add("(registeredOn, personId) > (?" + (params.size() - 1) + ", ?" + params.size() + ")");
        });
        String query = (String.join(" and ", where) + " order by registeredOn, personId").strip();
        return ResidentEntity.<ResidentEntity>find(query, params.toArray()).range(0, page.fetchSize() - 1).list()
                .map(rows -> page.page(rows, r -> new Object[] {r.registeredOn, r.personId}))
                .chain(residents -> {
                    if (residents.items().isEmpty()) {
                        return Uni.createFrom().item(residents.map(r -> (ResidentState) null));
                    }
                    return withTraining(residents).call(states -> audit(reader, residents.items().stream().map(r -> r.personId).toList()));
                });
    }

    /** The training rows of a page's residents: one query per table for the whole page, grouped per person in memory. */
    private static Uni<Page<ResidentState>> withTraining(Page<ResidentEntity> residents) {
        List<UUID> ids = residents.items().stream().map(r -> r.personId).toList();
        List<UUID> centreIds = residents.items().stream().map(r -> r.receptionCentreId).distinct().toList();
        return ReceptionCentreEntity.<ReceptionCentreEntity>list("id in ?1", centreIds)
                .chain(centres -> ResidencePermitEntity.<ResidencePermitEntity>list("personId in ?1", ids)
                        .chain(permits -> TrainingSessionEntity.<TrainingSessionEntity>list("personId in ?1 order by sessionDate", ids)
                                .chain(sessions -> TrainingExemptionEntity.<TrainingExemptionEntity>list("personId in ?1", ids)
                                        .chain(exemptions -> TrainingCompletionEntity.<TrainingCompletionEntity>list("personId in ?1", ids)
                                                .map(completions -> {
                                                    Map<UUID, ReceptionCentreEntity> centreById = centres.stream()
                                                            .collect(Collectors.toMap(c -> c.id, c -> c));
                                                    Map<UUID, ResidencePermitEntity> permitOf = permits.stream()
                                                            .collect(Collectors.toMap(p -> p.personId, p -> p));
                                                    Map<UUID, List<TrainingSessionEntity>> sessionsOf = sessions.stream()
                                                            .collect(Collectors.groupingBy(x -> x.personId));
                                                    Map<UUID, List<TrainingExemptionEntity>> exemptionsOf = exemptions.stream()
                                                            .collect(Collectors.groupingBy(x -> x.personId));
                                                    Map<UUID, List<TrainingCompletionEntity>> completionsOf = completions.stream()
                                                            .collect(Collectors.groupingBy(x -> x.personId));
                                                    return residents.map(r -> new ResidentState(r, centreById.get(r.receptionCentreId),
                                                            permitOf.get(r.personId),
                                                            sessionsOf.getOrDefault(r.personId, List.of()),
                                                            exemptionsOf.getOrDefault(r.personId, List.of()),
                                                            completionsOf.getOrDefault(r.personId, List.of()),
                                                            null, null));
                                                })))));
    }

    /** Who reads, for the audit log. */
    public record Reader(String name, String roles, String endpoint, String purpose) {
    }

    private Uni<Void> audit(Reader reader, List<UUID> personIds) {
        return readAudit.record(reader.name(), reader.roles(), reader.endpoint(), reader.purpose(), null, personIds);
    }

    private ResidentEntity toEntity(Arrival arrival, String registeredBy) {
        ResidentEntity resident = new ResidentEntity();
        resident.personId = UUID.randomUUID();
        resident.dufNumber = arrival.dufNumber();
        resident.firstName = arrival.firstName();
        resident.lastName = arrival.lastName();
        resident.birthDate = arrival.birthDate();
        resident.sex = arrival.sex();
        resident.citizenship = arrival.citizenship();
        resident.receptionCentreId = arrival.receptionCentreId();
        resident.registeredOn = arrival.registeredOn();
        resident.householdId = arrival.householdId();
        resident.asylumProcedure = arrival.asylumProcedure();
        resident.createdAt = OffsetDateTime.now(clock);
        resident.createdBy = registeredBy;
        return resident;
    }
}
