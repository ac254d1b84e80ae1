package no.nystart.settlement.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import no.nystart.contracts.Sex;
import no.nystart.settlement.domain.CaseStatus;

@Entity
@Table(name = "settlement_case")
public class SettlementCaseEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false, unique = true)
    public UUID personId;

    @Column(name = "household_id")
    public UUID householdId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "host_municipality", length = 4)
    public String hostMunicipality;

    @Column(name = "registered_on")
    public LocalDate registeredOn;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    @Column(nullable = false, length = 3)
    public String citizenship;

    @Column(name = "opened_by_event", nullable = false)
    public String openedByEvent;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
