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
import java.math.BigDecimal;

@Entity
@Table(name = "training_hours")
public class TrainingHoursEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;

    @Column(name = "training_date", nullable = false)
    public LocalDate trainingDate;

    @Column(nullable = false, precision = 4, scale = 2)
    public BigDecimal hours;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
