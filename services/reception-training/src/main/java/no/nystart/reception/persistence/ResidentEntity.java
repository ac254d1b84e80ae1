package no.nystart.reception.persistence;

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
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.DepartureReason;

@Entity
@Table(name = "resident")
public class ResidentEntity extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "duf_number", nullable = false, length = 12)
    public String dufNumber;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    @Column(nullable = false, length = 3)
    public String citizenship;

    @Column(name = "reception_centre_id", nullable = false)
    public UUID receptionCentreId;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "household_id")
    public UUID householdId;

    @Enumerated(EnumType.STRING)
    @Column(name = "asylum_procedure", nullable = false)
    public AsylumProcedure asylumProcedure;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** Date the resident moved out of the centre; null while living there. */
    @Column(name = "left_on")
    public LocalDate leftOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "left_reason", length = 20)
    public DepartureReason leftReason;

    /** ce_id of the event that made the resident leave (PersonSettled). */
    @Column(name = "left_by_event")
    public UUID leftByEvent;
}
