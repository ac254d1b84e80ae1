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
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.introduction.FinalGoal;

@Entity
@Table(name = "integration_plan")
public class PlanEntity extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "final_goal", nullable = false)
    public FinalGoal finalGoal;

    @Enumerated(EnumType.STRING)
    @Column(name = "goal_reading", nullable = false)
    public CefrLevel goalReading;

    @Enumerated(EnumType.STRING)
    @Column(name = "goal_listening", nullable = false)
    public CefrLevel goalListening;

    @Enumerated(EnumType.STRING)
    @Column(name = "goal_writing", nullable = false)
    public CefrLevel goalWriting;

    @Enumerated(EnumType.STRING)
    @Column(name = "goal_oral", nullable = false)
    public CefrLevel goalOral;

    /** Comma-separated {@code ContentElement} names. */
    @Column(nullable = false)
    public String elements;

    @Column(name = "long_term_goal", nullable = false)
    public String longTermGoal;

    @Column(name = "mutual_obligations", nullable = false)
    public String mutualObligations;

    @Column(name = "agreed_on", nullable = false)
    public LocalDate agreedOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
