package no.nystart.reception.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import no.nystart.contracts.reception.ExemptionReason;
import no.nystart.contracts.reception.MandatoryTrainingCompleted;
import no.nystart.contracts.reception.TrainingExemptionGranted;
import no.nystart.contracts.reception.TrainingModule;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.reception.domain.TrainingDuty;
import no.nystart.reception.domain.TrainingRecord;
import no.nystart.reception.domain.TrainingSession;
import no.nystart.reception.persistence.TrainingCompletionEntity;
import no.nystart.reception.persistence.TrainingExemptionEntity;
import no.nystart.reception.persistence.TrainingSessionEntity;

/** Mandatory training in reception (docs/domain/reception.md#1a/1b): sessions, completion, exemptions. */
@ApplicationScoped
public class TrainingService {
    private final ResidentLoader loader;
    private final Outbox outbox;
    private final Clock clock;
    private final ReceptionConfig config;

    public TrainingService(ResidentLoader loader, Outbox outbox, Clock clock, ReceptionConfig config) {
        this.loader = loader;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Records attended hours. When the module's required hours are reached for the first time →
     * {@code MandatoryTrainingCompleted}, exactly once per person and module.
     */
    @WithTransaction
    public Uni<ResidentState> recordSession(UUID personId, TrainingModule module, LocalDate date, BigDecimal hours,
            String recordedBy, Optional<String> ownCentre) {
        LocalDate today = LocalDate.now(clock);
        return loader.load(personId, true, ownCentre).chain(state -> {
            TrainingRecord record = state.training(config.policy());
            TrainingSession session = new TrainingSession(module, date, hours);
            record.checkSession(session, today);
            boolean completes = record.completesModule(session);
            TrainingSessionEntity entity = new TrainingSessionEntity();
            entity.id = UUID.randomUUID();
            entity.personId = personId;
            entity.module = module;
            entity.sessionDate = date;
            entity.hours = hours;
            entity.recordedAt = OffsetDateTime.now(clock);
            entity.recordedBy = recordedBy;
            Uni<Void> saved = entity.persistAndFlush().replaceWithVoid();
            if (completes) {
                TrainingDuty duty = record.dutyOn(date);
                int required = duty.requiredHours().get(module);
                TrainingCompletionEntity completion = new TrainingCompletionEntity();
                completion.id = UUID.randomUUID();
                completion.personId = personId;
                completion.module = module;
                completion.hoursRequired = required;
                completion.completedOn = date;
                saved = saved.chain(() -> completion.persistAndFlush()).chain(() -> outbox.append(new MandatoryTrainingCompleted(
                        personId, module, duty.regime().law().orElseThrow(), required, date, state.centre().id,
                        state.centre().hostMunicipality))).replaceWithVoid();
            }
            return saved.chain(() -> loader.load(personId, false, Optional.empty()));
        });
    }

    /** Grants an exemption from one module → {@code TrainingExemptionGranted}. A second one for the module → 409. */
    @WithTransaction
    public Uni<ResidentState> grantExemption(UUID personId, TrainingModule module, ExemptionReason reason, LocalDate grantedOn,
            String recordedBy, Optional<String> ownCentre) {
        LocalDate today = LocalDate.now(clock);
        return loader.load(personId, true, ownCentre).chain(state -> {
            if (state.exemptions().stream().anyMatch(e -> e.module == module)) {
                return Uni.createFrom().failure(new ConflictProblem("module", "exemption.once-per-module",
                        "the resident is already exempt from " + module));
            }
            TrainingRecord record = state.training(config.policy());
            record.checkExemption(module, grantedOn, today);
            TrainingExemptionEntity entity = new TrainingExemptionEntity();
            entity.id = UUID.randomUUID();
            entity.personId = personId;
            entity.module = module;
            entity.reason = reason;
            entity.grantedOn = grantedOn;
            entity.recordedAt = OffsetDateTime.now(clock);
            entity.recordedBy = recordedBy;
            return entity.persistAndFlush()
                    .chain(() -> outbox.append(new TrainingExemptionGranted(personId, module, reason, grantedOn,
                            record.regime().law().orElseThrow(), state.centre().hostMunicipality)))
                    .chain(() -> loader.load(personId, false, Optional.empty()));
        });
    }
}
