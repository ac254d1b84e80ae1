package no.nystart.reception.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.platform.audit.ReadAudit;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.persistence.TransactionLock;
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

    /**
     * Residents of a centre (or all centres when {@code centreId} is null), ordered by registration, with their
     * training; every listed person is written to the audit log.
     */
    @WithTransaction
    public Uni<List<ResidentState>> list(UUID centreId, boolean includeLeft, Reader reader) {
        String query = (centreId == null ? "1 = 1" : "receptionCentreId = ?1") + (includeLeft ? "" : " and leftOn is null")
                + " order by registeredOn, lastName";
        Uni<List<ResidentEntity>> residents = centreId == null
                ? ResidentEntity.<ResidentEntity>list(query) : ResidentEntity.<ResidentEntity>list(query, centreId);
        return residents.chain(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().item(List.<ResidentState>of());
            }
            List<UUID> ids = list.stream().map(r -> r.personId).toList();
            return ReceptionCentreEntity.<ReceptionCentreEntity>listAll()
                    .chain(centres -> ResidencePermitEntity.<ResidencePermitEntity>list("personId in ?1", ids)
                            .chain(permits -> TrainingSessionEntity.<TrainingSessionEntity>list("personId in ?1", ids)
                                    .chain(sessions -> TrainingExemptionEntity.<TrainingExemptionEntity>list("personId in ?1", ids)
                                            .chain(exemptions -> TrainingCompletionEntity.<TrainingCompletionEntity>list("personId in ?1", ids)
                                                    .map(completions -> list.stream().map(r -> new ResidentState(r,
                                                            centres.stream().filter(c -> c.id.equals(r.receptionCentreId)).findFirst().orElseThrow(),
                                                            permits.stream().filter(p -> p.personId.equals(r.personId)).findFirst().orElse(null),
                                                            sessions.stream().filter(x -> x.personId.equals(r.personId)).toList(),
                                                            exemptions.stream().filter(x -> x.personId.equals(r.personId)).toList(),
                                                            completions.stream().filter(x -> x.personId.equals(r.personId)).toList(),
                                                            null, null)).toList())))))
                    .call(states -> audit(reader, ids));
        });
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
