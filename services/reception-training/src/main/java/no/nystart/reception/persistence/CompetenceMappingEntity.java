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
import no.nystart.contracts.EducationLevel;

/** The § 6 competence mapping; the coded lists are stored as JSON text, as published in CompetenceMapped. */
@Entity
@Table(name = "competence_mapping")
public class CompetenceMappingEntity extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "mapped_on", nullable = false)
    public LocalDate mappedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "education_level", nullable = false, length = 30)
    public EducationLevel educationLevel;

    @Column(name = "education_years", nullable = false)
    public int educationYears;

    @Column(nullable = false)
    public String languages;

    @Column(name = "work_experience", nullable = false)
    public String workExperience;

    @Column(name = "other_competence", nullable = false)
    public String otherCompetence;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
