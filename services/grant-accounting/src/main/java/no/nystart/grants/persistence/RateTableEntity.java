package no.nystart.grants.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One version of the rate table of a budget year. */
@Entity
@Table(name = "rate_table")
public class RateTableEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public boolean current;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    public String label() {
        return year + "-" + version;
    }
}
