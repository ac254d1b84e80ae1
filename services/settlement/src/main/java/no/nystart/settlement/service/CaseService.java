package no.nystart.settlement.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.platform.events.EventEnvelope;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.persistence.SettlementCaseEntity;
import org.jboss.logging.Logger;

/** Settlement cases: opened from arrivals, listed for settlement officers. */
@ApplicationScoped
public class CaseService {
    private static final Logger LOG = Logger.getLogger(CaseService.class);
    private final Clock clock;

    public CaseService(Clock clock) {
        this.clock = clock;
    }

    /**
     * Opens a case WAITING_FOR_PERMIT for a new resident. Runs inside the inbox transaction; a
     * second arrival event for a person who already has a case changes nothing.
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
            c.householdId = arrival.householdId();
            c.status = CaseStatus.WAITING_FOR_PERMIT;
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

    @WithSession
    public Uni<List<SettlementCaseEntity>> list(CaseStatus status) {
        return status == null
                ? SettlementCaseEntity.list("order by createdAt")
                : SettlementCaseEntity.list("status = ?1 order by createdAt", status);
    }
}
