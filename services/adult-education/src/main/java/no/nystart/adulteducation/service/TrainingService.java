package no.nystart.adulteducation.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.adulteducation.domain.Exemptions;
import no.nystart.adulteducation.domain.GoalProfile;
import no.nystart.adulteducation.domain.NorwegianTestResult;
import no.nystart.adulteducation.domain.ProviderApproval;
import no.nystart.adulteducation.domain.ProviderKind;
import no.nystart.adulteducation.domain.Skill;
import no.nystart.adulteducation.domain.TrainingDeadline;
import no.nystart.adulteducation.domain.TrainingHours;
import no.nystart.adulteducation.persistence.EnrolmentEntity;
import no.nystart.adulteducation.persistence.ExemptionEntity;
import no.nystart.adulteducation.persistence.LearnerEntity;
import no.nystart.adulteducation.persistence.NorwegianTestEntity;
import no.nystart.adulteducation.persistence.ProviderEntity;
import no.nystart.adulteducation.persistence.SocialStudiesTestEntity;
import no.nystart.adulteducation.persistence.TrainingHoursEntity;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.adulteducation.CourseCompleted;
import no.nystart.contracts.adulteducation.CourseType;
import no.nystart.contracts.adulteducation.LearnerEnrolled;
import no.nystart.contracts.adulteducation.NorwegianTestCompleted;
import no.nystart.contracts.adulteducation.SocialStudiesTestCompleted;
import no.nystart.adulteducation.domain.ExemptionBasis;
import no.nystart.adulteducation.domain.ExemptionDocumentation;
import no.nystart.platform.audit.ReadAudit;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.paging.Page;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.security.Caller;
import no.nystart.platform.validation.Municipalities;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;
import org.jboss.logging.Logger;

/** The caseworker's use cases. Every change and its event commit together; every read is audited. */
@ApplicationScoped
public class TrainingService {
    private static final Logger LOG = Logger.getLogger(TrainingService.class);
    private final Outbox outbox;
    private final Clock clock;
    private final LearnerService learners;
    private final ReadAudit readAudit;

    public TrainingService(Outbox outbox, Clock clock, LearnerService learners, ReadAudit readAudit) {
        this.readAudit = readAudit;
        this.outbox = outbox;
        this.clock = clock;
        this.learners = learners;
    }

    public record NewProvider(String name, ProviderKind kind, String municipality, String organisationNumber,
            LocalDate approvedFrom, LocalDate approvedTo) {
    }

    /** A learner with enrolments, and whether exempt from Norwegian (§ 29): then the goal is not followed up. */
    public record LearnerRecord(LearnerEntity learner, List<EnrolmentEntity> enrolments, boolean exemptFromNorwegian) {
    }

    public record LearnerDetails(LearnerEntity learner, List<EnrolmentEntity> enrolments, Map<UUID, BigDecimal> hoursByEnrolment,
            List<NorwegianTestEntity> norwegianTests, List<SocialStudiesTestEntity> socialStudiesTests,
            List<ExemptionEntity> exemptions, List<no.nystart.adulteducation.persistence.HistoryEntity> history) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A provider (docs/domain/adult-education.md#4e) in the caller's own municipality. */
    @WithTransaction
    public Uni<ProviderEntity> registerProvider(NewProvider p, Caller caller) {
        caller.requireMunicipality(p.municipality());
        List<Violation> violations = new ArrayList<>();
        Municipalities.instance().validate("municipality", p.municipality()).ifPresent(violations::add);
        violations.addAll(new ProviderApproval(p.kind(), p.organisationNumber(), p.approvedFrom(), p.approvedTo()).violations());
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        ProviderEntity provider = new ProviderEntity();
        provider.id = UUID.randomUUID();
        provider.name = p.name().strip();
        provider.kind = p.kind();
        provider.municipality = p.municipality();
        provider.organisationNumber = p.organisationNumber();
        provider.approvedFrom = p.approvedFrom();
        provider.approvedTo = p.approvedTo();
        provider.createdBy = caller.name();
        provider.createdAt = OffsetDateTime.now(clock);
        return provider.<ProviderEntity>persist();
    }

    /** The sort of the providers list: name, then id. */
    public static final String PROVIDER_SORT = "providers.name.id";
    /** The sort of the learners lists: training deadline, then person id. */
    public static final String LEARNER_SORT = "learners.deadline.person-id";

    /** One page of a municipality's providers by name: ONE bounded keyset query ({@code limit + 1} rows after the cursor). */
    @WithTransaction
    public Uni<Page<ProviderEntity>> providers(String municipality, PageRequest page, Caller caller) {
        caller.requireMunicipality(municipality);
        Uni<List<ProviderEntity>> rows = page.cursor()
                .map(after -> ProviderEntity.<ProviderEntity>find("municipality = ?1 and (name, id) > (?2, ?3) order by name, id",
                        municipality, after.text(0), after.uuid(1)))
                .orElseGet(() -> ProviderEntity.<ProviderEntity>find("municipality = ?1 order by name, id", municipality))
                .range(0, page.fetchSize() - 1).list();
        return audit(caller, "list-providers", null, municipality)
                .chain(() -> rows)
                .map(list -> page.page(list, p -> new Object[] {p.name, p.id}));
    }

    /**
     * {@link #learnerFor} for a command: the learner's row is locked ({@code select … for update}) before anything of
     * the learner is read, so commands about one learner run one after the other and each sees what the one before
     * committed: a goal reached by two tests at once completes the course once, an exemption or a duplicate command
     * sent twice at once answers 409 the second time (issue 15).
     */
    private Uni<LearnerEntity> learnerForUpdate(UUID personId, Caller caller) {
        return LearnerEntity.<LearnerEntity>findById(personId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("learner", personId))
                .invoke(learner -> caller.requirePersonInScope(learner.municipality, "learner", personId));
    }

    private Uni<LearnerEntity> learnerFor(UUID personId, Caller caller) {
        return LearnerEntity.<LearnerEntity>findById(personId)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("learner", personId))
                .invoke(learner -> caller.requirePersonInScope(learner.municipality, "learner", personId));
    }

    private Uni<Void> audit(Caller caller, String action, UUID personId, String municipality) {
        return readAudit.record(caller, action, municipality, personId);
    }

    /**
     * One page of a municipality's learners by training deadline, with their enrolments: the learners are ONE bounded
     * keyset query ({@code limit + 1} rows after the cursor), their enrolments and Norwegian exemptions one query
     * each for the whole page.
     */
    @WithTransaction
    public Uni<Page<LearnerRecord>> learners(String municipality, PageRequest page, Caller caller) {
        caller.requireMunicipality(municipality);
        return audit(caller, "list-learners", null, municipality).chain(() -> learnersOfPage(municipality, page));
    }

    private Uni<Page<LearnerRecord>> learnersOfPage(String municipality, PageRequest page) {
        return page.cursor()
                        .map(after -> LearnerEntity.<LearnerEntity>find("municipality = ?1 and (trainingDeadline, personId) > (?2, ?3) "
                                + "order by trainingDeadline, personId", municipality, after.date(0), after.uuid(1)))
                        .orElseGet(() -> LearnerEntity.<LearnerEntity>find("municipality = ?1 order by trainingDeadline, personId",
                                municipality))
                        .range(0, page.fetchSize() - 1).list()
                .map(rows -> page.page(rows, l -> new Object[] {l.trainingDeadline, l.personId}))
                .chain(learners -> {
                    if (learners.items().isEmpty()) {
                        return Uni.createFrom().item(learners.map(l -> (LearnerRecord) null));
                    }
                    List<UUID> ids = learners.items().stream().map(l -> l.personId).toList();
                    return EnrolmentEntity.<EnrolmentEntity>list("personId in ?1 order by startDate", ids)
                            .chain(enrolments -> ExemptionEntity.<ExemptionEntity>list("personId in ?1 and course = ?2", ids,
                                            CourseType.NORWEGIAN)
                                    .map(exemptions -> {
                                        Map<UUID, List<EnrolmentEntity>> enrolmentsOf = enrolments.stream()
                                                .collect(java.util.stream.Collectors.groupingBy(e -> e.personId));
                                        java.util.Set<UUID> exempt = exemptions.stream().map(x -> x.personId)
                                                .collect(java.util.stream.Collectors.toSet());
                                        return learners.map(l -> new LearnerRecord(l, enrolmentsOf.getOrDefault(l.personId, List.of()),
                                                exempt.contains(l.personId)));
                                    }));
                });
    }

    /**
     * Every learner of a municipality, read in keyset batches of {@value PageRequest#MAX_LIMIT} (each one bounded
     * query), folded batch by batch into {@code fold}: for a report over all learners that must not hold them all.
     */
    @WithTransaction
    public <A> Uni<A> foldLearners(String municipality, Caller caller, A initial,
            java.util.function.BiFunction<A, List<LearnerRecord>, A> fold) {
        caller.requireMunicipality(municipality);
        return audit(caller, "report-learners", null, municipality)
                .chain(() -> foldFrom(municipality, PageRequest.first(LEARNER_SORT, PageRequest.MAX_LIMIT), caller, initial, fold));
    }

    private <A> Uni<A> foldFrom(String municipality, PageRequest page, Caller caller, A acc,
            java.util.function.BiFunction<A, List<LearnerRecord>, A> fold) {
        return learnersOfPage(municipality, page).chain(found -> {
            A next = fold.apply(acc, found.items());
            return found.next()
                    .map(cursor -> foldFrom(municipality, new PageRequest(LEARNER_SORT, page.limit(), java.util.Optional.of(cursor)),
                            caller, next, fold))
                    .orElseGet(() -> Uni.createFrom().item(next));
        });
    }

    @WithTransaction
    public Uni<LearnerDetails> learner(UUID personId, Caller caller) {
        return learnerFor(personId, caller)
                .call(learner -> audit(caller, "read-learner", personId, learner.municipality))
                .chain(learner -> EnrolmentEntity.<EnrolmentEntity>list("personId = ?1 order by startDate", personId)
                        .chain(enrolments -> hoursByEnrolment(enrolments)
                                .chain(hours -> NorwegianTestEntity.<NorwegianTestEntity>list("personId = ?1 order by testDate", personId)
                                        .chain(norwegian -> SocialStudiesTestEntity.<SocialStudiesTestEntity>list(
                                                        "personId = ?1 order by testDate", personId)
                                                .chain(social -> ExemptionEntity.<ExemptionEntity>list("personId = ?1 order by course", personId)
                                                        .chain(exemptions -> no.nystart.adulteducation.persistence.HistoryEntity
                                                                .<no.nystart.adulteducation.persistence.HistoryEntity>list(
                                                                        "personId = ?1 order by occurredOn, recordedAt", personId)
                                                                .map(history -> new LearnerDetails(learner, enrolments, hours,
                                                                        norwegian, social, exemptions, history))))))));
    }

    private Uni<Map<UUID, BigDecimal>> hoursByEnrolment(List<EnrolmentEntity> enrolments) {
        if (enrolments.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = enrolments.stream().map(e -> e.id).toList();
        return TrainingHoursEntity.<TrainingHoursEntity>list("enrolmentId in ?1", ids).map(rows -> {
            Map<UUID, BigDecimal> sums = new java.util.HashMap<>();
            for (EnrolmentEntity e : enrolments) {
                sums.put(e.id, BigDecimal.ZERO);
            }
            rows.forEach(r -> sums.merge(r.enrolmentId, r.hours, BigDecimal::add));
            return sums;
        });
    }

    /** Education background set by the caseworker: new deadline and goal (docs/domain/adult-education.md#4b) → LearnerRightsEstablished. */
    @WithTransaction
    public Uni<LearnerEntity> changeEducation(UUID personId, EducationLevel level, boolean documentedB2Need, Caller caller) {
        if (documentedB2Need && !TrainingDeadline.hasUpperSecondary(level)) {
            throw new RuleViolationException("documentedB2Need", "norwegian-goal.b2-needs-upper-secondary",
                    "the B2 goal in all skills applies to learners with upper-secondary education (docs/domain/adult-education.md#4b)");
        }
        return learnerForUpdate(personId, caller).call(learner -> learners.changeEducation(learner, level, documentedB2Need)
                .chain(() -> learners.history(personId, today(), LearnerService.EDUCATION_UPDATED,
                        "education background " + level + (documentedB2Need ? " with documented B2 need" : "") + " by "
                                + caller.name(), null).persist()));
    }

    /** Approved leave extends the deadline by its days (docs/domain/adult-education.md#4b "+ approved leave"). */
    @WithTransaction
    public Uni<LearnerEntity> addLeave(UUID personId, LocalDate from, LocalDate to, Caller caller) {
        if (to.isBefore(from)) {
            throw new RuleViolationException("to", "leave.period-order", "the leave ends (" + to + ") before it starts (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return learnerForUpdate(personId, caller).call(learner -> {
            learner.approvedLeaveDays += (int) days;
            LearnerService.applyRules(learner);
            return learners.history(personId, from, "APPROVED_LEAVE", "approved leave " + from + " to " + to + " (" + days
                    + " days) by " + caller.name(), null).persist();
        });
    }

    /**
     * Enrolment → LearnerEnrolled. 422 when the provider's approval does not cover the start date
     * (docs/domain/adult-education.md#4e), when the learner is exempt from the course (§ 29, docs/domain/adult-education.md#4d), or when social
     * studies has no language of instruction (taught in a language the learner understands, docs/domain/adult-education.md#4b).
     */
    @WithTransaction
    public Uni<EnrolmentEntity> enrol(UUID personId, CourseType course, UUID providerId, LocalDate startDate,
            String languageOfInstruction, Caller caller) {
        return learnerForUpdate(personId, caller).chain(learner -> ProviderEntity.<ProviderEntity>findById(providerId)
                .chain(provider -> ExemptionEntity.count("personId = ?1 and course = ?2", personId, course)
                        .chain(exempt -> EnrolmentEntity.count("personId = ?1 and course = ?2 and providerId = ?3 and startDate = ?4",
                                personId, course, providerId, startDate).chain(same -> {
                            if (same > 0) {
                                // the same enrolment again (a repeated or concurrent command): nothing new to record
                                return Uni.createFrom().failure(new ConflictProblem("startDate", "enrolment.duplicate",
                                        "the learner is already enrolled in " + course + " with this provider from " + startDate));
                            }
                            return Uni.createFrom().item(exempt);
                        }))
                        .chain(exempt -> {
                            List<Violation> violations = new ArrayList<>();
                            if (provider == null) {
                                violations.add(new Violation("providerId", "provider.unknown", "no provider has id " + providerId));
                            } else if (!provider.approval().covers(startDate)) {
                                violations.add(new Violation("startDate", "provider.approval-covers-start",
                                        "the approval of " + provider.name + " (" + provider.approvedFrom + " to "
                                                + provider.approvedTo + ") does not cover the start date " + startDate
                                                + " (docs/domain/adult-education.md#4e)"));
                            }
                            if (exempt > 0) {
                                violations.add(new Violation("course", "integreringsloven-29.exempt",
                                        "the learner is exempt from " + course + " (integreringsloven § 29)"));
                            }
                            if (course == CourseType.SOCIAL_STUDIES && (languageOfInstruction == null || languageOfInstruction.isBlank())) {
                                violations.add(new Violation("languageOfInstruction", "social-studies.language-required",
                                        "social studies is taught in a language the learner understands: name it"));
                            }
                            if (!violations.isEmpty()) {
                                return Uni.createFrom().failure(new RuleViolationException(violations));
                            }
                            EnrolmentEntity enrolment = new EnrolmentEntity();
                            enrolment.id = UUID.randomUUID();
                            enrolment.personId = personId;
                            enrolment.course = course;
                            enrolment.providerId = providerId;
                            enrolment.startDate = startDate;
                            enrolment.languageOfInstruction = languageOfInstruction;
                            enrolment.createdBy = caller.name();
                            enrolment.createdAt = OffsetDateTime.now(clock);
                            return enrolment.<EnrolmentEntity>persist()
                                    .call(saved -> outbox.append(new LearnerEnrolled(personId, learner.municipality, saved.id,
                                            course, providerId, startDate)));
                        })));
    }

    /** Hours of one course on one date (0 < h ≤ 8, docs/domain/adult-education.md#4f); a second recording for the date replaces the first. */
    @WithTransaction
    public Uni<TrainingHoursEntity> recordHours(UUID personId, UUID enrolmentId, LocalDate date, BigDecimal hours, Caller caller) {
        return learnerForUpdate(personId, caller).chain(learner -> EnrolmentEntity.<EnrolmentEntity>findById(enrolmentId))
                .chain(enrolment -> {
                    if (enrolment == null || !enrolment.personId.equals(personId)) {
                        return Uni.createFrom().failure(new NotFoundProblem("enrolment", enrolmentId));
                    }
                    List<Violation> violations = TrainingHours.check(hours, date, enrolment.startDate, today());
                    if (!violations.isEmpty()) {
                        return Uni.createFrom().failure(new RuleViolationException(violations));
                    }
                    return TrainingHoursEntity.<TrainingHoursEntity>find("enrolmentId = ?1 and trainingDate = ?2", enrolmentId, date)
                            .firstResult().chain(existing -> {
                                TrainingHoursEntity row = existing != null ? existing : new TrainingHoursEntity();
                                if (existing == null) {
                                    row.id = UUID.randomUUID();
                                    row.enrolmentId = enrolmentId;
                                    row.trainingDate = date;
                                }
                                row.hours = hours;
                                row.recordedBy = caller.name();
                                row.recordedAt = OffsetDateTime.now(clock);
                                return row.<TrainingHoursEntity>persist();
                            });
                });
    }

    /**
     * A Norwegian test (§ 34, docs/domain/adult-education.md#4c) → NorwegianTestCompleted; when the best level per skill
     * over all tests meets the goal profile (docs/domain/adult-education.md#4b) in every skill for the first time, the open
     * Norwegian enrolment is completed → CourseCompleted (once).
     */
    @WithTransaction
    public Uni<NorwegianTestEntity> recordNorwegianTest(UUID personId, NorwegianTestResult result, Caller caller) {
        List<Violation> violations = result.violations(today());
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return learnerForUpdate(personId, caller).chain(learner -> {
            NorwegianTestEntity test = new NorwegianTestEntity();
            test.id = UUID.randomUUID();
            test.personId = personId;
            test.testType = result.testType();
            test.testDate = result.testDate();
            test.readingLevel = result.reading();
            test.listeningLevel = result.listening();
            test.writingLevel = result.writing();
            test.oralLevel = result.oral();
            test.recordedBy = caller.name();
            test.recordedAt = OffsetDateTime.now(clock);
            return test.<NorwegianTestEntity>persist()
                    .call(saved -> outbox.append(new NorwegianTestCompleted(personId, learner.municipality, result.testType(),
                            result.testDate(), result.reading(), result.listening(), result.writing(), result.oral())))
                    .call(saved -> NorwegianTestEntity.<NorwegianTestEntity>list("personId", personId).chain(all -> {
                        Map<Skill, CefrLevel> best = GoalProfile.best(all.stream().map(NorwegianTestEntity::levels).toList());
                        GoalProfile goal = new GoalProfile(learner.readingGoal, learner.listeningGoal, learner.writingGoal,
                                learner.oralGoal);
                        if (learner.norwegianGoalReachedOn != null || !goal.isMetBy(best)) {
                            return Uni.createFrom().voidItem();
                        }
                        learner.norwegianGoalReachedOn = result.testDate();
                        return complete(learner, CourseType.NORWEGIAN, result.testDate());
                    }));
        });
    }

    /** Social-studies test → SocialStudiesTestCompleted; the first pass completes the open enrolment → CourseCompleted. */
    @WithTransaction
    public Uni<SocialStudiesTestEntity> recordSocialStudiesTest(UUID personId, LocalDate testDate, boolean passed, Caller caller) {
        if (testDate.isAfter(today())) {
            throw new RuleViolationException("testDate", "date.not-in-future", "the test date " + testDate + " is after today");
        }
        return learnerForUpdate(personId, caller).chain(learner -> {
            SocialStudiesTestEntity test = new SocialStudiesTestEntity();
            test.id = UUID.randomUUID();
            test.personId = personId;
            test.testDate = testDate;
            test.passed = passed;
            test.recordedBy = caller.name();
            test.recordedAt = OffsetDateTime.now(clock);
            return test.<SocialStudiesTestEntity>persist()
                    .call(saved -> outbox.append(new SocialStudiesTestCompleted(personId, learner.municipality, testDate, passed)))
                    .call(saved -> {
                        if (!passed || learner.socialStudiesPassedOn != null) {
                            return Uni.createFrom().voidItem();
                        }
                        learner.socialStudiesPassedOn = testDate;
                        return complete(learner, CourseType.SOCIAL_STUDIES, testDate);
                    });
        });
    }

    private Uni<Void> complete(LearnerEntity learner, CourseType course, LocalDate on) {
        return EnrolmentEntity.<EnrolmentEntity>find("personId = ?1 and course = ?2 and completedOn is null order by startDate desc",
                learner.personId, course).firstResult().chain(enrolment -> {
                    if (enrolment == null) {
                        LOG.infof("learner %s reached the %s goal on %s without an open enrolment: no CourseCompleted",
                                learner.personId, course, on);
                        return Uni.createFrom().voidItem();
                    }
                    enrolment.completedOn = on;
                    return outbox.append(new CourseCompleted(learner.personId, learner.municipality, enrolment.id, course, on))
                            .replaceWithVoid();
                });
    }

    /** Exemption (integreringsloven § 29, docs/domain/adult-education.md#4d) per course; the same course twice → 409. */
    @WithTransaction
    public Uni<ExemptionEntity> grantExemption(UUID personId, CourseType course, ExemptionBasis basis,
            ExemptionDocumentation documentation, LocalDate decidedOn, Caller caller) {
        List<Violation> violations = new ArrayList<>(Exemptions.check(course, basis, documentation));
        if (decidedOn.isAfter(today())) {
            violations.add(new Violation("decidedOn", "date.not-in-future", "the decision date " + decidedOn + " is after today"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return learnerForUpdate(personId, caller).chain(learner -> ExemptionEntity.count("personId = ?1 and course = ?2", personId, course))
                .chain(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().failure(new ConflictProblem("course", "integreringsloven-29.once-per-course",
                                "the learner is already exempt from " + course));
                    }
                    ExemptionEntity exemption = new ExemptionEntity();
                    exemption.id = UUID.randomUUID();
                    exemption.personId = personId;
                    exemption.course = course;
                    exemption.legalBasis = basis;
                    exemption.documentationType = documentation;
                    exemption.decidedOn = decidedOn;
                    exemption.decidedBy = caller.name();
                    exemption.recordedAt = OffsetDateTime.now(clock);
                    return exemption.<ExemptionEntity>persist();
                });
    }
}
