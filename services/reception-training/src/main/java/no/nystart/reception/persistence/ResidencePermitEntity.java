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
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;

@Entity
@Table(name = "residence_permit")
public class ResidencePermitEntity extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "permit_type", nullable = false, length = 40)
    public PermitType permitType;

    @Column(name = "decision_date", nullable = false)
    public LocalDate decisionDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Regime regime;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
