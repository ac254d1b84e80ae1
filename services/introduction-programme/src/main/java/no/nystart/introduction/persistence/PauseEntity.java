package no.nystart.introduction.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import no.nystart.contracts.introduction.PauseReason;
import no.nystart.introduction.domain.LeaveType;
import no.nystart.introduction.domain.Participant;

@Entity
@Table(name = "programme_pause")
public class PauseEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PauseReason kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "leave_type")
    public LeaveType leaveType;

    @Column(name = "from_date", nullable = false)
    public LocalDate fromDate;

    @Column(name = "expected_resume_on")
    public LocalDate expectedResumeOn;

    @Column(name = "resumed_on")
    public LocalDate resumedOn;

    public String reason;

    @Column(name = "with_benefit", nullable = false)
    public boolean withBenefit;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** A new row of a pause the aggregate opened. */
    public static PauseEntity of(UUID personId, Participant.Pause pause, OffsetDateTime createdAt) {
        PauseEntity e = new PauseEntity();
        e.id = UUID.randomUUID();
        e.personId = personId;
        e.kind = pause.kind();
        e.leaveType = pause.leaveType();
        e.fromDate = pause.from();
        e.expectedResumeOn = pause.expectedResumeOn();
        e.reason = pause.reason();
        e.withBenefit = pause.withBenefit();
        e.createdAt = createdAt;
        return e;
    }

    public Participant.Pause toPause() {
        return new Participant.Pause(kind, leaveType, fromDate, expectedResumeOn, reason, withBenefit);
    }
}
