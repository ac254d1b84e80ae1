package no.nystart.grants.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One rate of a rate table version: whole kroner, with its source and whether it is verified. */
@Entity
@IdClass(RateTableEntryEntity.Key.class)
@Table(name = "rate_table_entry")
public class RateTableEntryEntity extends PanacheEntityBase {
    @Id
    @Column(name = "rate_table_id")
    public UUID rateTableId;

    @Id
    @Column(name = "grant_code")
    public String grantCode;

    @Column(name = "amount_nok", nullable = false)
    public long amountNok;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public boolean verified;

    public static class Key implements Serializable {
        public UUID rateTableId;
        public String grantCode;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(rateTableId, k.rateTableId) && Objects.equals(grantCode, k.grantCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(rateTableId, grantCode);
        }
    }
}
