package no.nystart.adulteducation.persistence;

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
import no.nystart.contracts.adulteducation.CourseType;

@Entity
@Table(name = "enrolment")
public class EnrolmentEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CourseType course;

    @Column(name = "provider_id", nullable = false)
    public UUID providerId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "language_of_instruction", length = 3)
    public String languageOfInstruction;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
