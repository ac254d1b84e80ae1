package no.nystart.adulteducation.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import no.nystart.adulteducation.persistence.EnrolmentEntity;
import no.nystart.adulteducation.persistence.ExemptionEntity;
import no.nystart.adulteducation.persistence.HistoryEntity;
import no.nystart.adulteducation.persistence.LearnerEntity;
import no.nystart.adulteducation.persistence.NorwegianTestEntity;
import no.nystart.adulteducation.persistence.SocialStudiesTestEntity;
import no.nystart.adulteducation.persistence.TrainingHoursEntity;
import no.nystart.contracts.adulteducation.CourseType;
import no.nystart.platform.history.PersonHistory;
import no.nystart.platform.security.Caller;

/**
 * One learner's Norwegian and social-studies training as timeline entries: the right/duty established, the
 * introduction programme start and moves the service heard of, enrolments with hours per month, tests, exemptions,
 * approved leave, goal reached and courses completed; and the training deadline ahead while the Norwegian goal is not
 * reached.
 *
 * <p>Reads through {@link TrainingService#learner} (the queries, the municipality check — a learner of another
 * municipality is 404 like an unknown id, Caller.requirePersonInScope — and the audit of {@code GET /learners/{id}}), plus the recorded hours by date. The reception
 * training the learner's history also shows is left to reception-training's own timeline; free text with the name of
 * the caseworker stays out.
 */
@ApplicationScoped
public class PersonHistoryService {
    static final String SERVICE = "adult-education";

    private final TrainingService training;
    private final Clock clock;

    public PersonHistoryService(TrainingService training, Clock clock) {
        this.training = training;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PersonHistory> history(UUID personId, Caller caller) {
        return training.learner(personId, caller).chain(d -> hours(d.enrolments())
                .map(hours -> timeline(d, hours, LocalDate.now(clock))));
    }

    private static Uni<List<TrainingHoursEntity>> hours(List<EnrolmentEntity> enrolments) {
        if (enrolments.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return TrainingHoursEntity.<TrainingHoursEntity>list("enrolmentId in ?1 order by trainingDate",
                enrolments.stream().map(e -> e.id).toList());
    }

    static PersonHistory timeline(TrainingService.LearnerDetails d, List<TrainingHoursEntity> hours, LocalDate today) {
        LearnerEntity l = d.learner();
        PersonHistory.Builder t = PersonHistory.builder(l.personId, SERVICE);
        String rightRule = rule(l.legalBasis);
        t.entry(l.establishedOn, l.createdAt, "LEARNER_RIGHTS", "Norwegian and social-studies training: " + l.entitlement
                        + ", deadline " + l.trainingDeadline + ", Norwegian goal " + l.readingGoal + "/" + l.listeningGoal
                        + "/" + l.writingGoal + "/" + l.oralGoal, rightRule,
                PersonHistory.details("entitlement", l.entitlement, "municipality", l.municipality,
                        "educationLevel", l.educationLevel, "educationKnown", l.educationKnown,
                        "trainingDeadline", l.trainingDeadline.toString()));
        for (HistoryEntity h : d.history()) {
            switch (h.kind) {
                case "INTRODUCTION_STARTED" -> t.entry(h.occurredOn, h.recordedAt, "INTRODUCTION_PROGRAMME_KNOWN", h.detail,
                        null, PersonHistory.details("educationLevel", h.educationLevel));
                case "RELOCATED" -> t.entry(h.occurredOn, h.recordedAt, "RELOCATED", h.detail, null, PersonHistory.details());
                case "APPROVED_LEAVE" -> t.entry(h.occurredOn, h.recordedAt, "APPROVED_LEAVE",
                        "approved leave from " + h.occurredOn + ": the deadline moves day for day", rightRule,
                        PersonHistory.details());
                default -> {
                    // reception training is reception-training's to tell; other kinds have no timeline entry
                }
            }
        }
        Map<UUID, EnrolmentEntity> byId = new TreeMap<>();
        for (EnrolmentEntity e : d.enrolments()) {
            byId.put(e.id, e);
            t.entry(e.startDate, e.createdAt, "ENROLLED", "enrolled in " + e.course + " from " + e.startDate, courseRule(e.course),
                    PersonHistory.details("course", e.course, "languageOfInstruction", e.languageOfInstruction,
                            "hoursTotal", d.hoursByEnrolment().get(e.id)));
            t.entry(e.completedOn, null, "COURSE_COMPLETED", e.course + " completed", courseRule(e.course),
                    PersonHistory.details("course", e.course));
        }
        record Key(YearMonth month, CourseType course) {
        }
        Map<Key, BigDecimal> perMonth = new java.util.LinkedHashMap<>();
        Map<Key, LocalDate> lastDay = new java.util.HashMap<>();
        for (TrainingHoursEntity h : hours) {
            EnrolmentEntity e = byId.get(h.enrolmentId);
            Key key = new Key(YearMonth.from(h.trainingDate), e.course);
            perMonth.merge(key, h.hours, BigDecimal::add);
            lastDay.merge(key, h.trainingDate, (a, b) -> a.isAfter(b) ? a : b);
        }
        perMonth.forEach((key, sum) -> t.entry(lastDay.get(key), null, "TRAINING_HOURS",
                sum.toPlainString() + " h " + key.course() + " in " + key.month(), courseRule(key.course()),
                PersonHistory.details("course", key.course(), "month", key.month().toString(), "hours", sum)));
        for (NorwegianTestEntity n : d.norwegianTests()) {
            t.entry(n.testDate, n.recordedAt, "TEST_RESULT", "Norwegian test " + n.testType + ": reading " + n.readingLevel
                            + ", listening " + n.listeningLevel + ", writing " + n.writingLevel + ", oral " + n.oralLevel,
                    "integreringsforskriften § 34", PersonHistory.details("test", "NORWEGIAN", "testType", n.testType,
                            "reading", n.readingLevel, "listening", n.listeningLevel, "writing", n.writingLevel,
                            "oral", n.oralLevel));
        }
        for (SocialStudiesTestEntity s : d.socialStudiesTests()) {
            t.entry(s.testDate, s.recordedAt, "TEST_RESULT", "social-studies test " + (s.passed ? "passed" : "not passed"),
                    null, PersonHistory.details("test", "SOCIAL_STUDIES", "passed", s.passed));
        }
        for (ExemptionEntity x : d.exemptions()) {
            t.entry(x.decidedOn, x.recordedAt, "EXEMPTION", "exempt from " + x.course + " (" + x.legalBasis + ")",
                    "integreringsloven § 29", PersonHistory.details("course", x.course, "basis", x.legalBasis,
                            "documentation", x.documentationType));
        }
        t.entry(l.norwegianGoalReachedOn, null, "NORWEGIAN_GOAL_REACHED", "Norwegian goal reached in every skill", rightRule,
                PersonHistory.details());
        t.entry(l.socialStudiesPassedOn, null, "SOCIAL_STUDIES_PASSED", "social-studies test passed", rightRule,
                PersonHistory.details());
        boolean exemptFromNorwegian = d.exemptions().stream().anyMatch(x -> x.course == CourseType.NORWEGIAN);
        if (l.norwegianGoalReachedOn == null && !exemptFromNorwegian) {
            t.deadline(l.trainingDeadline, "NORWEGIAN_TRAINING_DEADLINE",
                    "last day of the right/duty to Norwegian and social-studies training (+ approved leave)", rightRule);
        }
        return t.build(today);
    }

    /** "integreringsloven § 27: right and duty" → "integreringsloven § 27". */
    static String rule(String legalBasis) {
        if (legalBasis == null) {
            return null;
        }
        int colon = legalBasis.indexOf(':');
        return colon < 0 ? legalBasis : legalBasis.substring(0, colon);
    }

    static String courseRule(CourseType course) {
        return switch (course) {
            case NORWEGIAN, SOCIAL_STUDIES -> "integreringsloven kap. 6";
            default -> "opplæringslova (vaksenopplæring)";
        };
    }
}
