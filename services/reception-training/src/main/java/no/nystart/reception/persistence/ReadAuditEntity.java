package no.nystart.reception.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One read of a resident's personal data by a person: who, which person, when, where and why. */
@Entity
@Table(name = "resident_read_audit")
public class ReadAuditEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String reader;

    @Column(nullable = false)
    public String roles;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false)
    public String endpoint;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "read_at", nullable = false)
    public OffsetDateTime readAt;
}
