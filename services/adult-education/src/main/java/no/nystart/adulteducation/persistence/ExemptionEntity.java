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
import no.nystart.adulteducation.domain.ExemptionBasis;
import no.nystart.adulteducation.domain.ExemptionDocumentation;
import no.nystart.contracts.adulteducation.CourseType;

@Entity
@Table(name = "exemption")
public class ExemptionEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CourseType course;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", nullable = false)
    public ExemptionBasis legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(name = "documentation_type", nullable = false)
    public ExemptionDocumentation documentationType;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
