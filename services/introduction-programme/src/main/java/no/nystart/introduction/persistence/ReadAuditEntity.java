package no.nystart.introduction.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One read of participant data by a user (audit of every read). */
@Entity
@Table(name = "read_audit")
public class ReadAuditEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(name = "person_id")
    public UUID personId;
}
