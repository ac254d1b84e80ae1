package no.nystart.grants.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A statement issued for one municipality, budget year and payout quarter (at most one per period). */
@Entity
@Table(name = "grant_statement")
public class GrantStatementEntity extends PanacheEntityBase {
    @Id
    @Column(name = "statement_id")
    public UUID statementId;

    @Column(nullable = false, length = 4)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(name = "payout_quarter", nullable = false)
    public int payoutQuarter;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Column(name = "total_amount_nok", nullable = false)
    public long totalAmountNok;

    /** The lines as JSON. */
    @Column(nullable = false)
    public String lines;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
