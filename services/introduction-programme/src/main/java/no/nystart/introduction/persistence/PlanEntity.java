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

    /**
     * Weekend and public-holiday dates on which the plan schedules activity (ISO dates, comma-separated, sorted; empty
     * for none): the only non-working days attendance may be recorded on (rule attendance.working-day).
     */
    @Column(name = "scheduled_non_working_days", nullable = false)
    public String scheduledNonWorkingDays = "";

    /** {@link #scheduledNonWorkingDays} as dates. */
    public java.util.List<LocalDate> scheduledNonWorkingDayList() {
        return scheduledNonWorkingDays == null || scheduledNonWorkingDays.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(scheduledNonWorkingDays.split(",")).map(LocalDate::parse).toList();
    }

    @Column(name = "agreed_on", nullable = false)
    public LocalDate agreedOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
