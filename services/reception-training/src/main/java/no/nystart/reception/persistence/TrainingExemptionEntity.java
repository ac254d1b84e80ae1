package no.nystart.reception.persistence;

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
import no.nystart.contracts.reception.ExemptionReason;
import no.nystart.contracts.reception.TrainingModule;

@Entity
@Table(name = "training_exemption")
public class TrainingExemptionEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public TrainingModule module;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public ExemptionReason reason;

    @Column(name = "granted_on", nullable = false)
    public LocalDate grantedOn;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
