package no.nystart.settlement.persistence;

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
import no.nystart.contracts.settlement.RelocationType;

@Entity
@Table(name = "relocation")
public class RelocationEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "from_municipality", nullable = false, length = 4)
    public String fromMunicipality;

    @Column(name = "to_municipality", nullable = false, length = 4)
    public String toMunicipality;

    @Column(name = "moved_on", nullable = false)
    public LocalDate movedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "relocation_type", nullable = false, length = 20)
    public RelocationType relocationType;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
