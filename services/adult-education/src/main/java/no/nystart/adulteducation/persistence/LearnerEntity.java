package no.nystart.adulteducation.persistence;

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
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.Regime;
import no.nystart.contracts.adulteducation.Entitlement;

@Entity
@Table(name = "learner")
public class LearnerEntity extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(nullable = false, length = 4)
    public String municipality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Entitlement entitlement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Regime regime;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(name = "established_on", nullable = false)
    public LocalDate establishedOn;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "settled_on", nullable = false)
    public LocalDate settledOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "education_level", nullable = false)
    public EducationLevel educationLevel;

    @Column(name = "education_known", nullable = false)
    public boolean educationKnown;

    @Column(name = "documented_b2_need", nullable = false)
    public boolean documentedB2Need;

    @Column(name = "approved_leave_days", nullable = false)
    public int approvedLeaveDays;

    @Column(name = "training_deadline", nullable = false)
    public LocalDate trainingDeadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "reading_goal", nullable = false)
    public CefrLevel readingGoal;

    @Enumerated(EnumType.STRING)
    @Column(name = "listening_goal", nullable = false)
    public CefrLevel listeningGoal;

    @Enumerated(EnumType.STRING)
    @Column(name = "writing_goal", nullable = false)
    public CefrLevel writingGoal;

    @Enumerated(EnumType.STRING)
    @Column(name = "oral_goal", nullable = false)
    public CefrLevel oralGoal;

    @Column(name = "in_introduction_programme", nullable = false)
    public boolean inIntroductionProgramme;

    @Column(name = "norwegian_goal_reached_on")
    public LocalDate norwegianGoalReachedOn;

    @Column(name = "social_studies_passed_on")
    public LocalDate socialStudiesPassedOn;

    @Column(name = "created_by_event", nullable = false)
    public String createdByEvent;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
