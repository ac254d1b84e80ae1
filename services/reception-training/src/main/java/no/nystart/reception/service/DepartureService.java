package no.nystart.reception.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import no.nystart.contracts.reception.DepartureReason;
import no.nystart.contracts.reception.ResidentLeftReception;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.platform.events.EventEnvelope;
import no.nystart.platform.inbox.PoisonEventException;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;
import no.nystart.reception.persistence.ReceptionCentreEntity;
import no.nystart.reception.persistence.ResidentEntity;
import org.jboss.logging.Logger;

/** A settled resident leaves the reception centre. */
@ApplicationScoped
public class DepartureService {
    private static final Logger LOG = Logger.getLogger(DepartureService.class);
    private final Outbox outbox;
    private final ResidentLoader loader;
    private final Clock clock;

    public DepartureService(Outbox outbox, ResidentLoader loader, Clock clock) {
        this.outbox = outbox;
        this.loader = loader;
        this.clock = clock;
    }

    /**
     * Staff record that a resident moved out for a reason other than settlement (LEFT_NORWAY, OTHER) →
     * {@code ResidentLeftReception} without a causing event. Not before registration, not in the future; a resident
     * who already left → 409. SETTLED comes only from settlement's {@code PersonSettled}.
     */
    @WithTransaction
    public Uni<ResidentEntity> recordDeparture(UUID personId, LocalDate leftOn, DepartureReason reason, Optional<String> ownCentre) {
        LocalDate today = LocalDate.now(clock);
        return loader.load(personId, true, ownCentre).chain(state -> {
            ResidentEntity resident = state.resident();
            if (resident.leftOn != null) {
                return Uni.createFrom().failure(new ConflictProblem("personId", "departure.once",
                        "the resident already left the centre on " + resident.leftOn));
            }
            List<Violation> violations = new ArrayList<>();
            if (reason == DepartureReason.SETTLED) {
                violations.add(new Violation("reason", "departure.settled-by-settlement",
                        "settlement is recorded by the settlement service (PersonSettled), not by reception staff"));
            }
            if (leftOn.isBefore(resident.registeredOn)) {
                violations.add(new Violation("leftOn", "departure.before-registration",
                        "the departure date " + leftOn + " is before the registration on " + resident.registeredOn));
            }
            if (leftOn.isAfter(today)) {
                violations.add(new Violation("leftOn", "date.not-in-future",
                        "the departure date " + leftOn + " is after today (" + today + ")"));
            }
            if (!violations.isEmpty()) {
                throw new RuleViolationException(violations);
            }
            resident.leftOn = leftOn;
            resident.leftReason = reason;
            return outbox.append(new ResidentLeftReception(personId, state.centre().id, state.centre().hostMunicipality,
                    leftOn, reason, null)).replaceWith(resident);
        });
    }

    /**
     * On {@code PersonSettled}: the resident leaves the centre on the settlement date →
     * {@code ResidentLeftReception} (reason SETTLED, causing event = the PersonSettled's ce_id). Runs in the inbox
     * transaction. A person who never lived in a centre (resettlement, family reunification) or who already left is
     * not an error: logged, nothing changes.
     */
    public Uni<Void> onSettled(PersonSettled settled, EventEnvelope envelope) {
        UUID causingEventId;
        try {
            causingEventId = UUID.fromString(envelope.id());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("ce_id " + envelope.id() + " of PersonSettled is not a UUID");
        }
        return ResidentEntity.<ResidentEntity>findById(settled.personId(), LockModeType.PESSIMISTIC_WRITE).chain(resident -> {
            if (resident == null) {
                LOG.infof("PersonSettled %s: person %s never lived in a reception centre known here; nothing to do",
                        envelope.id(), settled.personId());
                return Uni.createFrom().voidItem();
            }
            if (resident.leftOn != null) {
                LOG.infof("PersonSettled %s: resident %s already left the centre on %s; nothing to do",
                        envelope.id(), settled.personId(), resident.leftOn);
                return Uni.createFrom().voidItem();
            }
            resident.leftOn = settled.settledOn();
            resident.leftReason = DepartureReason.SETTLED;
            resident.leftByEvent = causingEventId;
            return ReceptionCentreEntity.<ReceptionCentreEntity>findById(resident.receptionCentreId)
                    .chain(centre -> outbox.append(new ResidentLeftReception(resident.personId, centre.id,
                            centre.hostMunicipality, settled.settledOn(), DepartureReason.SETTLED, causingEventId)))
                    .replaceWithVoid();
        });
    }
}
