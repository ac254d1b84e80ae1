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
import no.nystart.adulteducation.domain.ProviderApproval;
import no.nystart.adulteducation.domain.ProviderKind;

@Entity
@Table(name = "provider")
public class ProviderEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProviderKind kind;

    @Column(nullable = false, length = 4)
    public String municipality;

    @Column(name = "organisation_number", length = 9)
    public String organisationNumber;

    @Column(name = "approved_from")
    public LocalDate approvedFrom;

    @Column(name = "approved_to")
    public LocalDate approvedTo;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public ProviderApproval approval() {
        return new ProviderApproval(kind, organisationNumber, approvedFrom, approvedTo);
    }
}
