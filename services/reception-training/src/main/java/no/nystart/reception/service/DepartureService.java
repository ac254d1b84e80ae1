package no.nystart.reception.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import no.nystart.contracts.reception.DepartureReason;
import no.nystart.contracts.reception.ResidentLeftReception;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.platform.events.EventEnvelope;
import no.nystart.platform.inbox.PoisonEventException;
import no.nystart.platform.outbox.Outbox;
import no.nystart.reception.persistence.ReceptionCentreEntity;
import no.nystart.reception.persistence.ResidentEntity;
import org.jboss.logging.Logger;

/** A settled resident leaves the reception centre. */
@ApplicationScoped
public class DepartureService {
    private static final Logger LOG = Logger.getLogger(DepartureService.class);
    private final Outbox outbox;

    public DepartureService(Outbox outbox) {
        this.outbox = outbox;
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
        return ResidentEntity.<ResidentEntity>findById(settled.personId()).chain(resident -> {
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
