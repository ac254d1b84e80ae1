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
import java.util.EnumMap;
import java.util.Map;
import no.nystart.adulteducation.domain.Skill;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.adulteducation.NorwegianTestType;

@Entity
@Table(name = "norwegian_test")
public class NorwegianTestEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "test_type", nullable = false)
    public NorwegianTestType testType;

    @Column(name = "test_date", nullable = false)
    public LocalDate testDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "reading_level")
    public CefrLevel readingLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "listening_level")
    public CefrLevel listeningLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "writing_level")
    public CefrLevel writingLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "oral_level")
    public CefrLevel oralLevel;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public Map<Skill, CefrLevel> levels() {
        Map<Skill, CefrLevel> levels = new EnumMap<>(Skill.class);
        levels.put(Skill.READING, readingLevel);
        levels.put(Skill.LISTENING, listeningLevel);
        levels.put(Skill.WRITING, writingLevel);
        levels.put(Skill.ORAL, oralLevel);
        return levels;
    }
}
