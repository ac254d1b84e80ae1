package no.nystart.adulteducation.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.adulteducation.domain.ExemptionBasis;
import no.nystart.adulteducation.domain.ExemptionDocumentation;
import no.nystart.adulteducation.domain.Monitoring;
import no.nystart.adulteducation.domain.ProviderKind;
import no.nystart.adulteducation.persistence.EnrolmentEntity;
import no.nystart.adulteducation.persistence.ExemptionEntity;
import no.nystart.adulteducation.persistence.HistoryEntity;
import no.nystart.adulteducation.persistence.LearnerEntity;
import no.nystart.adulteducation.persistence.NorwegianTestEntity;
import no.nystart.adulteducation.persistence.ProviderEntity;
import no.nystart.adulteducation.persistence.SocialStudiesTestEntity;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.Regime;
import no.nystart.contracts.adulteducation.CourseType;
import no.nystart.contracts.adulteducation.Entitlement;
import no.nystart.contracts.adulteducation.NorwegianTestType;

/** Response bodies of the adult-education API. */
public final class Views {
    private Views() {
    }

    /** Follow-up settings (docs/services/adult-education.md). */
    public record Follow(LocalDate today, int closeToDeadlineDays, int startWithinMonths) {
    }

    public record Provider(UUID id, String name, ProviderKind kind, String municipality, String organisationNumber,
            LocalDate approvedFrom, LocalDate approvedTo) {
        static Provider of(ProviderEntity p) {
            return new Provider(p.id, p.name, p.kind, p.municipality, p.organisationNumber, p.approvedFrom, p.approvedTo);
        }
    }

    public record Goal(CefrLevel reading, CefrLevel listening, CefrLevel writing, CefrLevel oral) {
    }

    public record Learner(UUID personId, String municipality, Entitlement entitlement, Regime regime, String legalBasis,
            LocalDate establishedOn, LocalDate settledOn, EducationLevel educationLevel, boolean educationKnown,
            boolean documentedB2Need, int approvedLeaveDays, LocalDate trainingDeadline, Goal norwegianGoal,
            boolean inIntroductionProgramme, LocalDate norwegianGoalReachedOn, LocalDate socialStudiesPassedOn,
            LocalDate firstTrainingStart, Boolean startedWithinMonths, boolean closeToDeadline) {

        static Learner of(LearnerEntity l, List<EnrolmentEntity> enrolments, Follow follow) {
            return of(l, enrolments, false, follow);
        }

        /** An exemption from Norwegian (§ 29) takes the learner off the close-to-deadline follow-up. */
        static Learner of(LearnerEntity l, List<EnrolmentEntity> enrolments, boolean exemptFromNorwegian, Follow follow) {
            LocalDate firstStart = enrolments.stream()
                    .filter(e -> e.course == CourseType.NORWEGIAN || e.course == CourseType.SOCIAL_STUDIES)
                    .map(e -> e.startDate).min(Comparator.naturalOrder()).orElse(null);
            return new Learner(l.personId, l.municipality, l.entitlement, l.regime, l.legalBasis, l.establishedOn, l.settledOn,
                    l.educationLevel, l.educationKnown, l.documentedB2Need, l.approvedLeaveDays, l.trainingDeadline,
                    new Goal(l.readingGoal, l.listeningGoal, l.writingGoal, l.oralGoal), l.inIntroductionProgramme,
                    l.norwegianGoalReachedOn, l.socialStudiesPassedOn, firstStart,
                    Monitoring.startedWithin(l.settledOn, firstStart, follow.today(), follow.startWithinMonths()),
                    Monitoring.closeToDeadline(l.trainingDeadline, l.norwegianGoalReachedOn != null || exemptFromNorwegian,
                            follow.today(),
                            follow.closeToDeadlineDays()));
        }
    }

    public record Enrolment(UUID enrolmentId, CourseType course, UUID providerId, LocalDate startDate,
            String languageOfInstruction, LocalDate completedOn, BigDecimal hours) {
        static Enrolment of(EnrolmentEntity e, BigDecimal hours) {
            return new Enrolment(e.id, e.course, e.providerId, e.startDate, e.languageOfInstruction, e.completedOn, hours);
        }
    }

    public record NorwegianTest(UUID id, NorwegianTestType testType, LocalDate testDate, CefrLevel readingLevel,
            CefrLevel listeningLevel, CefrLevel writingLevel, CefrLevel oralLevel) {
        static NorwegianTest of(NorwegianTestEntity t) {
            return new NorwegianTest(t.id, t.testType, t.testDate, t.readingLevel, t.listeningLevel, t.writingLevel, t.oralLevel);
        }
    }

    public record SocialStudiesTest(UUID id, LocalDate testDate, boolean passed) {
        static SocialStudiesTest of(SocialStudiesTestEntity t) {
            return new SocialStudiesTest(t.id, t.testDate, t.passed);
        }
    }

    public record Exemption(UUID id, CourseType course, ExemptionBasis legalBasis, ExemptionDocumentation documentationType,
            LocalDate decidedOn) {
        static Exemption of(ExemptionEntity e) {
            return new Exemption(e.id, e.course, e.legalBasis, e.documentationType, e.decidedOn);
        }
    }

    public record History(LocalDate occurredOn, String kind, String detail, EducationLevel educationLevel, Integer hours) {
        static History of(HistoryEntity h) {
            return new History(h.occurredOn, h.kind, h.detail, h.educationLevel, h.hours);
        }
    }

    public record LearnerDetail(Learner learner, List<Enrolment> enrolments, List<NorwegianTest> norwegianTests,
            List<SocialStudiesTest> socialStudiesTests, List<Exemption> exemptions, List<History> history) {
        static LearnerDetail of(LearnerEntity l, List<EnrolmentEntity> enrolments, Map<UUID, BigDecimal> hours,
                List<NorwegianTestEntity> norwegian, List<SocialStudiesTestEntity> social, List<ExemptionEntity> exemptions,
                List<HistoryEntity> history, Follow follow) {
            return new LearnerDetail(Learner.of(l, enrolments,
                            exemptions.stream().anyMatch(x -> x.course == CourseType.NORWEGIAN), follow),
                    enrolments.stream().map(e -> Enrolment.of(e, hours.getOrDefault(e.id, BigDecimal.ZERO))).toList(),
                    norwegian.stream().map(NorwegianTest::of).toList(),
                    social.stream().map(SocialStudiesTest::of).toList(),
                    exemptions.stream().map(Exemption::of).toList(),
                    history.stream().map(History::of).toList());
        }
    }

    /** The NIR measure "start of training within N months of settlement" (docs/domain/adult-education.md#4b) for a municipality. */
    public record StartReport(String municipality, int months, long learners, long startedWithin, long startedLater,
            long notStartedWindowPassed, long windowStillOpen) {
    }

    public record HoursRecorded(UUID enrolmentId, LocalDate date, BigDecimal hours) {
    }
}
