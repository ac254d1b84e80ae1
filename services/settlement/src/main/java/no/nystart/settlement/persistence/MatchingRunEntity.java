package no.nystart.settlement.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One matching run with its full report (JSON). */
@Entity
@Table(name = "matching_run")
public class MatchingRunEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false, length = 20)
    public String status;

    @Column(nullable = false)
    public long objective;

    @Column(name = "best_bound", nullable = false)
    public long bestBound;

    @Column(name = "greedy_objective", nullable = false)
    public long greedyObjective;

    @Column(name = "solve_millis", nullable = false)
    public long solveMillis;

    @Column(nullable = false)
    public int households;

    @Column(nullable = false)
    public int assigned;

    @Column(nullable = false, columnDefinition = "text")
    public String report;

    @Column(name = "started_by", nullable = false, length = 200)
    public String startedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
