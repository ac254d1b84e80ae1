package no.nystart.reception.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.reception.TrainingModule;

@Entity
@Table(name = "training_completion")
public class TrainingCompletionEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public TrainingModule module;

    @Column(name = "hours_required", nullable = false)
    public int hoursRequired;

    @Column(name = "completed_on", nullable = false)
    public LocalDate completedOn;
}
