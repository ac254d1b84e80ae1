package no.nystart.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nystart.contracts.adulteducation.CourseCompleted;
import no.nystart.contracts.adulteducation.LearnerEnrolled;
import no.nystart.contracts.adulteducation.LearnerRightsEstablished;
import no.nystart.contracts.adulteducation.NorwegianTestCompleted;
import no.nystart.contracts.adulteducation.SocialStudiesTestCompleted;
import no.nystart.contracts.grants.GrantClaimRegistered;
import no.nystart.contracts.grants.GrantClaimReversed;
import no.nystart.contracts.grants.GrantStatementIssued;
import no.nystart.contracts.introduction.IntroductionProgrammeCompleted;
import no.nystart.contracts.introduction.IntroductionProgrammeDiscontinued;
import no.nystart.contracts.introduction.IntroductionProgrammePaused;
import no.nystart.contracts.introduction.IntroductionProgrammeResumed;
import no.nystart.contracts.introduction.IntroductionProgrammeStarted;
import no.nystart.contracts.reception.CareerGuidanceCompleted;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.contracts.reception.MandatoryTrainingCompleted;
import no.nystart.contracts.reception.ResidencePermitGranted;
import no.nystart.contracts.reception.ResidentLeftReception;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.contracts.reception.TrainingExemptionGranted;
import no.nystart.contracts.settlement.MunicipalityDecisionRegistered;
import no.nystart.contracts.settlement.PersonRegisteredForSettlement;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.contracts.settlement.SettlementCaseClosed;
import no.nystart.contracts.settlement.SettlementProposed;

/**
 * The v1 event catalogue: every public event type, in the order of docs/architecture.md. A consumer maps
 * an incoming record's {@code ce_type} header to its class with {@link #byCeType(String)}.
 */
public final class EventCatalog {

    private static final List<Class<? extends NyStartEvent>> ALL = List.of(
            // reception-training → reception.events.v1
            ResidentRegistered.class,
            ResidencePermitGranted.class,
            MandatoryTrainingCompleted.class,
            TrainingExemptionGranted.class,
            CompetenceMapped.class,
            CareerGuidanceCompleted.class,
            ResidentLeftReception.class,
            // settlement → settlement.events.v1
            PersonRegisteredForSettlement.class,
            MunicipalityDecisionRegistered.class,
            SettlementProposed.class,
            PersonSettled.class,
            PersonRelocated.class,
            SettlementCaseClosed.class,
            // introduction-programme → introduction.events.v1
            IntroductionProgrammeStarted.class,
            IntroductionProgrammePaused.class,
            IntroductionProgrammeResumed.class,
            IntroductionProgrammeCompleted.class,
            IntroductionProgrammeDiscontinued.class,
            // adult-education → adult-education.events.v1
            LearnerRightsEstablished.class,
            LearnerEnrolled.class,
            NorwegianTestCompleted.class,
            SocialStudiesTestCompleted.class,
            CourseCompleted.class,
            // grant-accounting → grants.events.v1
            GrantClaimRegistered.class,
            GrantClaimReversed.class,
            GrantStatementIssued.class);

    private static final Map<String, Class<? extends NyStartEvent>> BY_CE_TYPE = index();

    private EventCatalog() {
    }

    private static Map<String, Class<? extends NyStartEvent>> index() {
        Map<String, Class<? extends NyStartEvent>> byType = new LinkedHashMap<>();
        for (Class<? extends NyStartEvent> eventClass : ALL) {
            String ceType = EventType.Attributes.ceType(NyStartEvent.typeOf(eventClass));
            if (byType.put(ceType, eventClass) != null) {
                throw new IllegalStateException("two event classes share ce_type " + ceType);
            }
        }
        return Map.copyOf(byType);
    }

    /** Every event class of the catalogue, in catalogue order. */
    public static List<Class<? extends NyStartEvent>> all() {
        return ALL;
    }

    /** The event classes published on one topic (one of {@link Topics}), in catalogue order. */
    public static List<Class<? extends NyStartEvent>> onTopic(String topic) {
        return ALL.stream().filter(c -> NyStartEvent.typeOf(c).topic().equals(topic)).toList();
    }

    /** The event class for a {@code ce_type} such as {@code no.nystart.PersonSettled.v1}. */
    public static Optional<Class<? extends NyStartEvent>> byCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }

    /** The event class for an event name such as {@code PersonSettled} (version 1). */
    public static Optional<Class<? extends NyStartEvent>> byName(String name) {
        return ALL.stream().filter(c -> NyStartEvent.typeOf(c).name().equals(name)).findFirst();
    }
}
