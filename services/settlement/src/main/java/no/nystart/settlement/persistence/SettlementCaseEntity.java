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
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Sex;
import no.nystart.contracts.settlement.ArrivalRoute;
import no.nystart.contracts.settlement.SettlementType;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.domain.CloseReason;

/** One person waiting for, or done with, settlement. Members of a household share {@code householdId}. */
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

    @Enumerated(EnumType.STRING)
    @Column(name = "arrival_route", nullable = false, length = 32)
    public ArrivalRoute arrivalRoute = ArrivalRoute.ASYLUM;

    @Column(name = "host_municipality", length = 4)
    public String hostMunicipality;

    @Column(name = "registered_on")
    public LocalDate registeredOn;

    @Column(name = "first_name", length = 200)
    public String firstName;

    @Column(name = "last_name", length = 200)
    public String lastName;

    @Column(name = "national_id", length = 11)
    public String nationalId;

    @Column(name = "arrival_date")
    public LocalDate arrivalDate;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    @Column(nullable = false, length = 3)
    public String citizenship;

    @Enumerated(EnumType.STRING)
    @Column(name = "permit_type", length = 40)
    public PermitType permitType;

    @Column(name = "permit_date")
    public LocalDate permitDate;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    public Regime regime;

    /** Set for routes that state it (POST /cases); null for asylum arrivals, where it follows from the household. */
    @Column(name = "unaccompanied_minor")
    public Boolean unaccompaniedMinor;

    /** STYRK-08 major groups (first digits) of the mapped work experience, comma-separated. */
    @Column(name = "occupation_groups", length = 40)
    public String occupationGroups;

    @Column(name = "proposed_municipality", length = 4)
    public String proposedMunicipality;

    @Column(name = "proposal_year")
    public Integer proposalYear;

    @Column(name = "matching_run_id")
    public UUID matchingRunId;

    @Column(name = "settled_municipality", length = 4)
    public String settledMunicipality;

    @Column(name = "settled_on")
    public LocalDate settledOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "settlement_type", length = 40)
    public SettlementType settlementType;

    @Column(name = "override_reason", length = 1000)
    public String overrideReason;

    @Column(name = "current_municipality", length = 4)
    public String currentMunicipality;

    /** Highest completed education from the person's CompetenceMapped; null when not mapped (children, POST /cases). */
    @Enumerated(EnumType.STRING)
    @Column(name = "education_level", length = 40)
    public EducationLevel educationLevel;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason", length = 40)
    public CloseReason closeReason;

    @Column(name = "close_note", length = 1000)
    public String closeNote;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "opened_by_event", nullable = false)
    public String openedByEvent;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
