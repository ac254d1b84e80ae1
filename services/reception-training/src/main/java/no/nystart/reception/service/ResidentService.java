package no.nystart.reception.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.reception.domain.Arrival;
import no.nystart.reception.persistence.ReceptionCentreEntity;
import no.nystart.reception.persistence.ResidentEntity;

/** Registers and reads residents. Every state change and its event commit together. */
@ApplicationScoped
public class ResidentService {
    private final Outbox outbox;
    private final Clock clock;

    public ResidentService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Registers an arrival → {@code ResidentRegistered}. Same DUF number twice → 409. */
    @WithTransaction
    public Uni<ResidentEntity> register(Arrival arrival, String registeredBy) {
        arrival.checkRules(LocalDate.now(clock), clock);
        return ReceptionCentreEntity.<ReceptionCentreEntity>findById(arrival.receptionCentreId())
                .onItem().ifNull().failWith(() -> new RuleViolationException("receptionCentreId", "reception-centre.unknown",
                        "no reception centre has id " + arrival.receptionCentreId()))
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
                                            saved.citizenship, saved.householdId, saved.asylumProcedure)));
                        }));
    }

    @WithSession
    public Uni<ResidentEntity> get(UUID personId) {
        return ResidentEntity.<ResidentEntity>findById(personId)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("resident", personId));
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
