package no.nystart.grants.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the grant rules know about a settled person; {@code municipality} is the current municipality of residence. */
@Entity
@Table(name = "person_basis")
public class PersonBasisEntity extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "birth_year", nullable = false)
    public int birthYear;

    @Column(nullable = false, length = 3)
    public String citizenship;

    @Column(name = "permit_type", nullable = false)
    public String permitType;

    @Column(name = "settlement_type", nullable = false)
    public String settlementType;

    @Column(name = "unaccompanied_minor", nullable = false)
    public boolean unaccompaniedMinor;

    @Column(name = "household_size", nullable = false)
    public int householdSize;

    @Column(name = "settled_on", nullable = false)
    public LocalDate settledOn;

    @Column(name = "settlement_year", nullable = false)
    public int settlementYear;

    @Column(name = "settlement_municipality", nullable = false, length = 4)
    public String settlementMunicipality;

    @Column(nullable = false, length = 4)
    public String municipality;

    @Column(name = "in_target_group", nullable = false)
    public boolean inTargetGroup;

    @Column(name = "exclusion_reason")
    public String exclusionReason;

    @Column(name = "settled_event_id", nullable = false)
    public UUID settledEventId;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
