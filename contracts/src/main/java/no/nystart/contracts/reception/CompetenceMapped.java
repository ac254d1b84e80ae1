package no.nystart.contracts.reception;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * The competence mapping of a resident with a permit in the introduction target group was completed (Integration Act § 6). Done once per person; contains coded data only, no free text.
 *
 * @param personId         The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param mappedOn         Date the mapping was completed.
 * @param hostMunicipality Kommunenummer of the municipality responsible for the mapping.
 * @param languages        Languages the person knows.
 * @param educationLevel   Highest completed education.
 * @param educationYears   Whole years of schooling and education in total.
 * @param workExperience   Work experience per occupation; empty when none.
 * @param otherCompetence  Other relevant competence, coded; empty when none.
 */
@EventType(name = "CompetenceMapped", topic = Topics.RECEPTION)
public record CompetenceMapped(
        UUID personId,
        LocalDate mappedOn,
        String hostMunicipality,
        List<LanguageSkill> languages,
        EducationLevel educationLevel,
        int educationYears,
        List<WorkExperience> workExperience,
        List<OtherCompetence> otherCompetence) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
