package no.nystart.introduction.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.OffsetDateTime;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.introduction.domain.Participant;
import no.nystart.introduction.domain.TargetGroup;
import no.nystart.introduction.persistence.ParticipantEntity;
import no.nystart.platform.events.EventEnvelope;
import org.jboss.logging.Logger;

/** What settlement.events.v1 does to participants. The handlers run in the inbox transaction; a redelivery changes nothing. */
@ApplicationScoped
public class SettlementEventHandlers {
    private static final Logger LOG = Logger.getLogger(SettlementEventHandlers.class);

    private final Clock clock;
    private final TargetGroup targetGroup;
    private final FollowUpService followUp;

    public SettlementEventHandlers(Clock clock, TargetGroup targetGroup, FollowUpService followUp) {
        this.clock = clock;
        this.targetGroup = targetGroup;
        this.followUp = followUp;
    }

    /**
     * PersonSettled: a participant for a person in the target group (§ 8, docs/domain/introduction-programme.md#3a), start deadline
     * settlement + 3 months (§ 12). Others are logged with the reason, not an error. A second event for the same person
     * changes nothing.
     */
    public Uni<Void> onSettled(PersonSettled e, EventEnvelope envelope) {
        TargetGroup.Assessment a = targetGroup.assess(new TargetGroup.Person(e.birthDate(), e.permitType(), e.permitDate(), e.regime(),
                e.settlementType(), e.settledOn()));
        if (!a.inTargetGroup()) {
            LOG.infof("person %s settled in %s is not in the introduction-programme target group: %s [%s] (event %s)", e.personId(),
                    e.municipality(), a.reason(), a.rule(), envelope.id());
            return Uni.createFrom().voidItem();
        }
        return ParticipantEntity.<ParticipantEntity>findById(e.personId()).chain(existing -> {
            if (existing != null) {
                LOG.infof("person %s is already a participant; %s ignored", e.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            Participant.Created created = Participant.settled(e.personId(), e.municipality(), e.regime(), e.birthDate(), e.permitType(),
                    e.permitDate(), e.settledOn(), e.settlementType());
            ParticipantEntity row = ParticipantEntity.of(created.participant(), envelope.id(), now());
            return row.persistAndFlush()
                    .chain(() -> followUp.applyPrior(row))
                    .chain(() -> ParticipantRows.history(row.personId, now(), created.history()));
        });
    }

    /** PersonRelocated: the new municipality takes over; the history keeps the move. */
    public Uni<Void> onRelocated(PersonRelocated e, EventEnvelope envelope) {
        return ParticipantEntity.<ParticipantEntity>findById(e.personId(), LockModeType.PESSIMISTIC_WRITE).chain(row -> {
            if (row == null) {
                LOG.infof("relocated person %s is not a participant; %s ignored", e.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            Participant participant = row.toParticipant(null);
            return participant.relocate(e.toMunicipality(), e.movedOn()).map(change -> {
                row.apply(participant);
                return ParticipantRows.history(row.personId, now(), change.history());
            }).orElseGet(() -> Uni.createFrom().voidItem());
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
