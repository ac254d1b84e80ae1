package no.nystart.reception.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.reception.CareerGuidanceCompleted;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.contracts.reception.LanguageSkill;
import no.nystart.contracts.reception.OtherCompetence;
import no.nystart.contracts.reception.ResidencePermitGranted;
import no.nystart.contracts.reception.WorkExperience;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.platform.validation.Municipalities;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;
import no.nystart.reception.domain.CompetenceMapping;
import no.nystart.reception.domain.ResidencePermit;
import no.nystart.reception.persistence.CareerGuidanceEntity;
import no.nystart.reception.persistence.CompetenceMappingEntity;
import no.nystart.reception.persistence.ResidencePermitEntity;

/** Residence permits, § 6 competence mapping and § 11 career guidance. */
@ApplicationScoped
public class PermitService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResidentLoader loader;
    private final Outbox outbox;
    private final Clock clock;
    private final ReceptionConfig config;

    public PermitService(ResidentLoader loader, Outbox outbox, Clock clock, ReceptionConfig config) {
        this.loader = loader;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** Records UDI's permit decision → {@code ResidencePermitGranted}. One per person (a second → 409). */
    @WithTransaction
    public Uni<ResidencePermitEntity> grantPermit(UUID personId, PermitType type, LocalDate decisionDate, String recordedBy,
            Optional<String> ownCentre) {
        LocalDate today = LocalDate.now(clock);
        return loader.load(personId, true, ownCentre).chain(state -> {
            if (state.permit() != null) {
                return Uni.createFrom().failure(new ConflictProblem("personId", "permit.once",
                        "a permit decision of " + state.permit().decisionDate + " is already recorded"));
            }
            ResidencePermit.checkDecision(decisionDate, state.resident().registeredOn, today);
            Regime regime = ResidencePermit.regime(type, decisionDate, state.resident().registeredOn);
            ResidencePermitEntity permit = new ResidencePermitEntity();
            permit.personId = personId;
            permit.permitType = type;
            permit.decisionDate = decisionDate;
            permit.regime = regime;
            permit.recordedAt = OffsetDateTime.now(clock);
            permit.recordedBy = recordedBy;
            return permit.<ResidencePermitEntity>persistAndFlush()
                    .call(saved -> outbox.append(new ResidencePermitGranted(personId, type, decisionDate, regime,
                            state.centre().id, state.centre().hostMunicipality)));
        });
    }

    /**
     * The § 6 competence mapping → {@code CompetenceMapped}: only after a permit in the introduction target group,
     * while living in the centre, once per person (a second → 409).
     */
    @WithTransaction
    public Uni<CompetenceMappingEntity> mapCompetence(UUID personId, LocalDate mappedOn, List<LanguageSkill> languages,
            EducationLevel educationLevel, int educationYears, List<WorkExperience> work, List<OtherCompetence> other,
            String recordedBy, Optional<String> ownCentre) {
        LocalDate today = LocalDate.now(clock);
        return loader.load(personId, true, ownCentre).chain(state -> {
            if (state.competenceMapping() != null) {
                return Uni.createFrom().failure(new ConflictProblem("personId", "integreringsloven-6.once",
                        "the competence mapping was done on " + state.competenceMapping().mappedOn
                                + "; it is done only once per person (docs/domain/reception.md#1c)"));
            }
            if (state.permit() == null) {
                throw new RuleViolationException("personId", "integreringsloven-6.no-permit",
                        "competence mapping in reception follows a permit in the introduction target group (integreringsloven § 6); no permit is recorded");
            }
            if (state.resident().leftOn != null) {
                throw new RuleViolationException("personId", "integreringsloven-6.left-reception",
                        "the resident left the centre on " + state.resident().leftOn
                                + "; after settlement the municipality maps under § 10 (docs/domain/reception.md#1c)");
            }
            Violation notInTargetGroup = ResidencePermit.section6TargetGroupViolation(state.permit().permitType,
                    state.permit().decisionDate, state.resident().registeredOn, state.resident().birthDate,
                    config.introductionMaxAge());
            if (notInTargetGroup != null) {
                throw new RuleViolationException(List.of(notInTargetGroup));
            }
            CompetenceMapping.check(mappedOn, state.permit().decisionDate, today, state.resident().birthDate, languages,
                    educationYears, work);
            CompetenceMappingEntity mapping = new CompetenceMappingEntity();
            mapping.personId = personId;
            mapping.mappedOn = mappedOn;
            mapping.educationLevel = educationLevel;
            mapping.educationYears = educationYears;
            mapping.languages = json(languages);
            mapping.workExperience = json(work);
            mapping.otherCompetence = json(other);
            mapping.recordedAt = OffsetDateTime.now(clock);
            mapping.recordedBy = recordedBy;
            return mapping.<CompetenceMappingEntity>persistAndFlush()
                    .call(saved -> outbox.append(new CompetenceMapped(personId, mappedOn, state.centre().hostMunicipality,
                            List.copyOf(languages), educationLevel, educationYears, List.copyOf(work), List.copyOf(other))));
        });
    }

    /**
     * Career guidance by the county (integreringsloven § 11), based on the competence mapping →
     * {@code CareerGuidanceCompleted}. The county defaults to the host municipality's. Once per person.
     */
    @WithTransaction
    public Uni<CareerGuidanceEntity> completeCareerGuidance(UUID personId, LocalDate completedOn, String county,
            String recordedBy, Optional<String> ownCentre) {
        LocalDate today = LocalDate.now(clock);
        return loader.load(personId, true, ownCentre).chain(state -> {
            if (state.careerGuidance() != null) {
                return Uni.createFrom().failure(new ConflictProblem("personId", "career-guidance.once",
                        "career guidance was already recorded as completed on " + state.careerGuidance().completedOn));
            }
            if (state.competenceMapping() == null) {
                throw new RuleViolationException("personId", "integreringsloven-11.no-competence-mapping",
                        "career guidance builds on the competence mapping (integreringsloven § 11, docs/domain/reception.md#1c); none is recorded");
            }
            String host = state.centre().hostMunicipality;
            String hostCounty = Municipalities.instance().countyOf(host).orElseThrow().number();
            String guidingCounty = county == null ? hostCounty : county;
            List<Violation> violations = new java.util.ArrayList<>();
            if (Municipalities.instance().county(guidingCounty).isEmpty()) {
                violations.add(new Violation("county", "fylkesnummer.unknown",
                        "no county has fylkesnummer " + guidingCounty + " in the 2024 structure"));
            }
            if (completedOn.isBefore(state.competenceMapping().mappedOn)) {
                violations.add(new Violation("completedOn", "career-guidance.before-mapping",
                        "the guidance date " + completedOn + " is before the competence mapping on "
                                + state.competenceMapping().mappedOn));
            }
            if (completedOn.isAfter(today)) {
                violations.add(new Violation("completedOn", "date.not-in-future",
                        "the guidance date " + completedOn + " is after today (" + today + ")"));
            }
            if (!violations.isEmpty()) {
                throw new RuleViolationException(violations);
            }
            CareerGuidanceEntity guidance = new CareerGuidanceEntity();
            guidance.personId = personId;
            guidance.completedOn = completedOn;
            guidance.county = guidingCounty;
            guidance.recordedAt = OffsetDateTime.now(clock);
            guidance.recordedBy = recordedBy;
            return guidance.<CareerGuidanceEntity>persistAndFlush()
                    .call(saved -> outbox.append(new CareerGuidanceCompleted(personId, completedOn, guidingCounty, host)));
        });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
