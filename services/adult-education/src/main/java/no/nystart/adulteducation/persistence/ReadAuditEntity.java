package no.nystart.adulteducation.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "read_audit")
public class ReadAuditEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(name = "person_id")
    public UUID personId;

    @Column(length = 4)
    public String municipality;

    @Column(name = "read_at", nullable = false)
    public OffsetDateTime readAt;
}
