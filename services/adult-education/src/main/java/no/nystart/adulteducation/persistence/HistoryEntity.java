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
import no.nystart.contracts.EducationLevel;

@Entity
@Table(name = "learner_history")
public class HistoryEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String detail;

    @Enumerated(EnumType.STRING)
    @Column(name = "education_level")
    public EducationLevel educationLevel;

    @Column
    public Integer hours;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
