package no.nystart.introduction.service;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.UUID;
import no.nystart.introduction.domain.Participant;
import no.nystart.introduction.persistence.HistoryEntity;
import no.nystart.introduction.persistence.ParticipantEntity;
import no.nystart.introduction.persistence.PauseEntity;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.security.Caller;

/** Loading a participant in the caller's scope and writing its history: shared by the commands, queries and handlers. */
final class ParticipantRows {
    private ParticipantRows() {
    }

    /** The participant if it exists and the caller may see its municipality; otherwise 404 (nothing leaked). */
    static Uni<ParticipantEntity> load(UUID id, Caller caller) {
        return ParticipantEntity.<ParticipantEntity>findById(id).map(p -> inScope(p, id, caller));
    }

    /**
     * {@link #load} for a command: the participant's row is locked ({@code select … for update}) before it is read, so
     * commands about one participant run one after the other and each sees what the one before it committed. Two
     * identical commands at once (two § 12 decisions, two completions, two pauses) therefore change the participant
     * and publish once; the second answers 409 with the rule its state now breaks (issue 15).
     */
    static Uni<ParticipantEntity> loadForUpdate(UUID id, Caller caller) {
        return ParticipantEntity.<ParticipantEntity>findById(id, LockModeType.PESSIMISTIC_WRITE).map(p -> inScope(p, id, caller));
    }

    /** The pause without a first day back, or null. */
    static Uni<PauseEntity> openPause(UUID id) {
        return PauseEntity.<PauseEntity>find("personId = ?1 and resumedOn is null", id).firstResult();
    }

    static Uni<Void> history(UUID personId, OffsetDateTime at, Participant.HistoryEntry entry) {
        return entry == null ? Uni.createFrom().voidItem()
                : HistoryEntity.of(personId, at, entry.kind(), entry.detail()).persist().replaceWithVoid();
    }

    private static ParticipantEntity inScope(ParticipantEntity p, UUID id, Caller caller) {
        if (p == null) {
            throw new NotFoundProblem("participant", id);
        }
        caller.requirePersonInScope(p.municipality, "participant", id);
        return p;
    }
}
