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
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.introduction.DiscontinuationReason;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.contracts.introduction.ProgrammeOutcome;
import no.nystart.contracts.introduction.WeeklyHours;
import no.nystart.contracts.settlement.SettlementType;
import no.nystart.introduction.domain.Participant;
import no.nystart.introduction.domain.ParticipantStatus;

/** A participant's row: the {@link Participant} aggregate's snapshot, and when and from which event it was created. */
@Entity
@Table(name = "participant")
public class ParticipantEntity extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(nullable = false, length = 4)
    public String municipality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Regime regime;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "permit_type", nullable = false)
    public PermitType permitType;

    @Column(name = "permit_date", nullable = false)
    public LocalDate permitDate;

    @Column(name = "settled_on", nullable = false)
    public LocalDate settledOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "settlement_type")
    public SettlementType settlementType;

    @Column(name = "start_deadline", nullable = false)
    public LocalDate startDeadline;

    /** TARGET_GROUP (§ 8 right and duty) or DECISION (§ 8 third paragraph, admitted by the municipality). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Participant.Admission admission;

    @Column(name = "admission_reason")
    public String admissionReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantStatus status;

    @Column(name = "living_with_parents", nullable = false)
    public boolean livingWithParents;

    @Column(name = "childless_couple", nullable = false)
    public boolean childlessCouple;

    @Column(name = "has_child_under_18", nullable = false)
    public boolean hasChildUnder18;

    @Enumerated(EnumType.STRING)
    @Column(name = "education_level")
    public EducationLevel educationLevel;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "planned_end_date")
    public LocalDate plannedEndDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "final_goal")
    public FinalGoal finalGoal;

    @Enumerated(EnumType.STRING)
    @Column(name = "weekly_hours")
    public WeeklyHours weeklyHours;

    @Column(name = "late_start_reason")
    public String lateStartReason;

    @Column(name = "extension_justification")
    public String extensionJustification;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    public ProgrammeOutcome outcome;

    @Column(name = "final_goal_reached")
    public Boolean finalGoalReached;

    @Enumerated(EnumType.STRING)
    @Column(name = "discontinuation_reason")
    public DiscontinuationReason discontinuationReason;

    @Column(name = "end_note")
    public String endNote;

    @Column(name = "norwegian_progress")
    public String norwegianProgress;

    @Column(name = "created_by_event")
    public String createdByEvent;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The stored participant as the aggregate's snapshot. */
    public Participant.Snapshot toSnapshot() {
        return new Participant.Snapshot(personId, municipality, regime, birthDate, permitType, permitDate, settledOn, settlementType,
                startDeadline, admission, admissionReason, status, livingWithParents, childlessCouple, hasChildUnder18, educationLevel,
                startDate, plannedEndDate, finalGoal, weeklyHours, lateStartReason, extensionJustification, endedOn, outcome,
                finalGoalReached, discontinuationReason, endNote, norwegianProgress);
    }

    /** The participant restored, with its open pause ({@code null}: none). */
    public Participant toParticipant(PauseEntity openPause) {
        return Participant.restore(toSnapshot(), openPause == null ? null : openPause.toPause());
    }

    /** A new row of a new participant. */
    public static ParticipantEntity of(Participant participant, String createdByEvent, OffsetDateTime createdAt) {
        ParticipantEntity e = new ParticipantEntity();
        e.apply(participant);
        e.createdByEvent = createdByEvent;
        e.createdAt = createdAt;
        return e;
    }

    /** Takes the aggregate's state (every field of its snapshot) after a transition. */
    public void apply(Participant participant) {
        Participant.Snapshot s = participant.snapshot();
        personId = s.personId();
        municipality = s.municipality();
        regime = s.regime();
        birthDate = s.birthDate();
        permitType = s.permitType();
        permitDate = s.permitDate();
        settledOn = s.settledOn();
        settlementType = s.settlementType();
        startDeadline = s.startDeadline();
        admission = s.admission();
        admissionReason = s.admissionReason();
        status = s.status();
        livingWithParents = s.livingWithParents();
        childlessCouple = s.childlessCouple();
        hasChildUnder18 = s.hasChildUnder18();
        educationLevel = s.educationLevel();
        startDate = s.startDate();
        plannedEndDate = s.plannedEndDate();
        finalGoal = s.finalGoal();
        weeklyHours = s.weeklyHours();
        lateStartReason = s.lateStartReason();
        extensionJustification = s.extensionJustification();
        endedOn = s.endedOn();
        outcome = s.outcome();
        finalGoalReached = s.finalGoalReached();
        discontinuationReason = s.discontinuationReason();
        endNote = s.endNote();
        norwegianProgress = s.norwegianProgress();
    }
}
