package no.nystart.grants.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One ledger entry. Append-only: written by SQL inserts, never updated (a database trigger refuses it too). */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntryEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String kind;

    @Column(name = "reversed_entry_id")
    public UUID reversedEntryId;

    @Column(name = "due_id")
    public UUID dueId;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false, length = 4)
    public String municipality;

    @Column(name = "grant_code", nullable = false)
    public String grantCode;

    @Column(name = "grant_year", nullable = false)
    public int grantYear;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(name = "settlement_year_index")
    public Integer settlementYearIndex;

    @Column(name = "payout_quarter", nullable = false)
    public int payoutQuarter;

    @Column(name = "amount_nok", nullable = false)
    public long amountNok;

    @Column(name = "rate_table_id", nullable = false)
    public UUID rateTableId;

    @Column(name = "rate_table_version", nullable = false)
    public String rateTableVersion;

    @Column(name = "reversal_reason")
    public String reversalReason;

    @Column(name = "causing_event_id", nullable = false)
    public UUID causingEventId;

    @Column(name = "causing_event_type", nullable = false)
    public String causingEventType;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    /** 'live' (events, reversals, claims due) or the annual run's 'run-<year>-<n>' (migration V5). */
    @Column(insertable = false, updatable = false)
    public String segment;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
