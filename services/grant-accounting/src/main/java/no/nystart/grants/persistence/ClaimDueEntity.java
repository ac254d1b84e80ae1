package no.nystart.grants.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A claim the rules made due; registered in the ledger once its grant year has a rate for its code. */
@Entity
@Immutable
@Table(name = "claim_due")
public class ClaimDueEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "claim_key", nullable = false)
    public String claimKey;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false, length = 4)
    public String municipality;

    @Column(name = "grant_code", nullable = false)
    public String grantCode;

    @Column(name = "grant_year", nullable = false)
    public int grantYear;

    @Column(name = "settlement_year_index")
    public Integer settlementYearIndex;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(name = "payout_quarter", nullable = false)
    public int payoutQuarter;

    @Column(nullable = false)
    public int part;

    @Column(nullable = false)
    public int parts;

    @Column(name = "causing_event_id", nullable = false)
    public UUID causingEventId;

    @Column(name = "causing_event_type", nullable = false)
    public String causingEventType;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
