package no.nystart.settlement.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/** IMDi's request and the municipal council's decision for one municipality and year (docs/domain/settlement.md#2). */
@Entity
@Table(name = "municipality_decision")
public class MunicipalityDecisionEntity extends PanacheEntityBase {
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "municipality", length = 4)
        public String municipality;
        @Column(name = "year")
        public int year;

        public Key() {
        }

        public Key(String municipality, int year) {
            this.municipality = municipality;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.year == year && Objects.equals(k.municipality, municipality);
        }

        @Override
        public int hashCode() {
            return Objects.hash(municipality, year);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "requested_total", nullable = false)
    public int requestedTotal;

    @Column(name = "requested_unaccompanied_minors", nullable = false)
    public int requestedUnaccompaniedMinors;

    @Column(name = "decided_total", nullable = false)
    public int decidedTotal;

    @Column(name = "decided_unaccompanied_minors", nullable = false)
    public int decidedUnaccompaniedMinors;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(name = "registered_by", nullable = false, length = 200)
    public String registeredBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
