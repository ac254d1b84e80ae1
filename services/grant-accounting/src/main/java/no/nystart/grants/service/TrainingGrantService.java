package no.nystart.grants.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.nystart.contracts.adulteducation.LearnerRightsEstablished;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.grants.domain.ClaimLine;
import no.nystart.grants.domain.GrantCodes;
import no.nystart.grants.domain.GrantRules;
import no.nystart.grants.domain.NorwegianTrainingGrant;
import no.nystart.grants.domain.RateGroup;
import no.nystart.grants.domain.ReceptionGrants;
import no.nystart.grants.domain.TrainingGrantRules;
import no.nystart.grants.persistence.LedgerSql;
import no.nystart.platform.events.EventEnvelope;
import org.jboss.logging.Logger;

/**
 * The training grants: the Norwegian-training person grant from {@code LearnerRightsEstablished} (docs/domain/grants.md#5f), the
 * reception-training grant from {@code ResidentRegistered} with a training duty and the competence-mapping grant
 * from {@code CompetenceMapped} (docs/domain/reception.md#1d, docs/domain/grants.md#5g). Each claim has a key per person (and training year), so a
 * redelivered or repeated event adds nothing; a claim whose year has no rate waits as pending like every other.
 * The handlers run inside the inbox transaction.
 */
@ApplicationScoped
public class TrainingGrantService {
    private static final Logger LOG = Logger.getLogger(TrainingGrantService.class);

    private final LedgerSql ledger;
    private final GrantRules rules;
    private final TrainingGrantRules trainingRules;

    public TrainingGrantService(LedgerSql ledger, GrantRules rules, TrainingGrantRules trainingRules) {
        this.ledger = ledger;
        this.rules = rules;
        this.trainingRules = trainingRules;
    }

    /** LearnerRightsEstablished: records the right once per person and makes the person-grant claims when it can. */
    public Uni<Void> onLearnerRights(LearnerRightsEstablished event, EventEnvelope envelope) {
        NorwegianTrainingGrant.Decision decision = NorwegianTrainingGrant.decide(event.entitlement(), event.regime());
        UUID cause = ClaimService.eventId(envelope);
        Uni<Integer> recorded = ledger.update("""
                insert into learner_grant_basis (person_id, municipality, entitlement, regime, established_on, scheme,
                    exclusion_reason, event_id)
                values (cast(?1 as uuid), cast(?2 as text), cast(?3 as text), cast(?4 as text), cast(?5 as date),
                    nullif(cast(?6 as text), ''), nullif(cast(?7 as text), ''), cast(?8 as uuid))
                on conflict (person_id) do nothing
                """, event.personId(), event.municipality(), event.entitlement().name(), event.regime().name(),
                event.establishedOn(), decision.scheme().map(Enum::name).orElse(""),
                decision.exclusionReason().orElse(""), cause);
        return recorded.chain(inserted -> {
            if (inserted == 0) {
                LOG.infof("person %s already has an established right for grant purposes; %s adds nothing",
                        event.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            if (decision.exclusionReason().isPresent()) {
                return exclude(event.personId(), "NORWEGIAN_TRAINING", decision.exclusionReason().get(), cause,
                        "LearnerRightsEstablished");
            }
            return norwegianClaims(event.personId()).chain(() -> ledger.registerForPerson(event.personId())).replaceWithVoid();
        });
    }

    /**
     * Makes the person-grant claims of an established right once the country background is known (citizenship from
     * PersonSettled, else from ResidentRegistered); called again when either arrives. Idempotent by claim key.
     */
    public Uni<Void> norwegianClaims(UUID personId) {
        return ledger.query("""
                select l.scheme, cast(l.established_on as text), l.municipality, cast(l.event_id as text),
                    coalesce((select p.citizenship from person_basis p where p.person_id = l.person_id),
                             (select r.citizenship from reception_resident r where r.person_id = l.person_id)) as citizenship,
                    coalesce((select cast(p.birth_date as text) from person_basis p where p.person_id = l.person_id),
                             (select cast(r.birth_date as text) from reception_resident r where r.person_id = l.person_id)) as birth
                from learner_grant_basis l
                where l.person_id = cast(?1 as uuid) and l.scheme is not null
                """, personId).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Object[] row = rows.get(0);
            NorwegianTrainingGrant.Scheme scheme = NorwegianTrainingGrant.Scheme.valueOf((String) row[0]);
            LocalDate establishedOn = LocalDate.parse((String) row[1]);
            String municipality = (String) row[2];
            UUID cause = UUID.fromString((String) row[3]);
            String citizenship = (String) row[4];
            if (scheme == NorwegianTrainingGrant.Scheme.PERSON_GRANT && citizenship == null) {
                LOG.infof("person %s: the Norwegian-training grant waits for the country background", personId);
                return Uni.createFrom().voidItem();
            }
            // docs/domain/grants.md#5f (integreringsloven § 27, 18-67): outside the ages on the date the right was established, no
            // person grant, the reason recorded. The birth date comes from the same rows as the citizenship the person
            // grant waits for (PersonSettled, else ResidentRegistered), so it is known here; should it ever be unknown,
            // the claims are made as before (the age limit left to adult-education, which establishes the right).
            if (scheme == NorwegianTrainingGrant.Scheme.PERSON_GRANT && row[5] != null) {
                Optional<String> tooYoungOrOld = NorwegianTrainingGrant.ageExclusion(LocalDate.parse((String) row[5]), establishedOn);
                if (tooYoungOrOld.isPresent()) {
                    return exclude(personId, "NORWEGIAN_TRAINING", tooYoungOrOld.get(), cause, "LearnerRightsEstablished");
                }
            }
            Uni<RateGroup> group = scheme == NorwegianTrainingGrant.Scheme.COLLECTIVE_PROTECTION
                    ? Uni.createFrom().item(trainingRules.defaultRateGroup())
                    : rateGroup(citizenship);
            return group.chain(g -> insertAll(personId, municipality, "norwegian:" + personId + ":",
                    NorwegianTrainingGrant.claims(scheme, establishedOn, g, rules, trainingRules), cause,
                    "LearnerRightsEstablished"));
        });
    }

    /** The country's rate group from {@code country_rate_group}; the configured default when not listed (docs/domain/grants.md#5f). */
    Uni<RateGroup> rateGroup(String citizenship) {
        return ledger.query("select rate_group, citizenship from country_rate_group where citizenship = cast(?1 as text)",
                citizenship).map(rows -> rows.isEmpty() ? trainingRules.defaultRateGroup() : RateGroup.valueOf((String) rows.get(0)[0]));
    }

    /**
     * ResidentRegistered: the reception-training grant once per person to the host municipality when the resident
     * has the training duty (docs/domain/reception.md#1a/1b/1d); the citizenship may also complete a waiting Norwegian-training right.
     */
    public Uni<Void> onResidentRegistered(ResidentRegistered event, EventEnvelope envelope) {
        Optional<String> noDuty = ReceptionGrants.noTrainingDutyReason(event.birthDate(), event.registeredOn(),
                event.asylumProcedure());
        UUID cause = ClaimService.eventId(envelope);
        Uni<Integer> recorded = ledger.update("""
                insert into reception_resident (person_id, host_municipality, registered_on, birth_date, citizenship,
                    asylum_procedure, training_duty, no_duty_reason, event_id)
                values (cast(?1 as uuid), cast(?2 as text), cast(?3 as date), cast(?4 as date), cast(?5 as text),
                    cast(?6 as text), cast(?7 as boolean), nullif(cast(?8 as text), ''), cast(?9 as uuid))
                on conflict (person_id) do nothing
                """, event.personId(), event.hostMunicipality(), event.registeredOn(), event.birthDate(),
                event.citizenship(), event.asylumProcedure().name(), noDuty.isEmpty(), noDuty.orElse(""), cause);
        return recorded.chain(inserted -> {
            if (inserted == 0) {
                LOG.infof("resident %s already registered for grant purposes; %s adds nothing", event.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            Uni<Void> grant = noDuty.isPresent()
                    ? exclude(event.personId(), "RECEPTION_TRAINING", noDuty.get(), cause, "ResidentRegistered")
                    : insertAll(event.personId(), event.hostMunicipality(), "reception-training:" + event.personId() + ":",
                            List.of(ReceptionGrants.trainingGrant(event.registeredOn(), rules)), cause, "ResidentRegistered");
            return grant.chain(() -> norwegianClaims(event.personId()))
                    .chain(() -> ledger.registerForPerson(event.personId())).replaceWithVoid();
        });
    }

    /**
     * CompetenceMapped (in reception, Integration Act § 6): the competence-mapping grant once per person to the
     * municipality responsible for the mapping (docs/domain/reception.md#1d, docs/domain/grants.md#5g); not for collective protection.
     */
    public Uni<Void> onCompetenceMapped(CompetenceMapped event, EventEnvelope envelope) {
        UUID cause = ClaimService.eventId(envelope);
        return ledger.query("select asylum_procedure, host_municipality from reception_resident where person_id = cast(?1 as uuid)",
                event.personId()).chain(rows -> {
            AsylumProcedure procedure = rows.isEmpty() ? null : AsylumProcedure.valueOf((String) rows.get(0)[0]);
            Optional<String> none = ReceptionGrants.noCompetenceMappingGrantReason(procedure);
            if (none.isPresent()) {
                return exclude(event.personId(), "COMPETENCE_MAPPING", none.get(), cause, "CompetenceMapped");
            }
            return insertAll(event.personId(), event.hostMunicipality(), "competence-mapping:" + event.personId() + ":",
                    List.of(ReceptionGrants.competenceMappingGrant(event.mappedOn(), trainingRules)), cause, "CompetenceMapped")
                    .chain(() -> ledger.registerForPerson(event.personId())).replaceWithVoid();
        });
    }

    private Uni<Void> insertAll(UUID personId, String municipality, String keyPrefix, List<ClaimLine> lines, UUID cause,
            String causeType) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ClaimLine line : lines) {
            // one claim per person (and training year): a second event of the same kind adds nothing
            String key = lines.size() == 1 ? keyPrefix + "once" : keyPrefix + (line.grantYear() - lines.get(0).grantYear() + 1);
            chain = chain.chain(() -> ledger.insertDue(key, personId, municipality, GrantCodes.wire(line.grantCode()),
                    line.grantYear(), line.settlementYearIndex(), line.term().budgetYear(), line.term().quarter(),
                    line.part(), line.parts(), cause, causeType)).replaceWithVoid();
        }
        return chain;
    }

    private Uni<Void> exclude(UUID personId, String scheme, String reason, UUID cause, String causeType) {
        LOG.infof("person %s triggers no %s grant: %s", personId, scheme, reason);
        return ledger.update("""
                insert into grant_exclusion (person_id, scheme, reason, causing_event_id, causing_event_type)
                values (cast(?1 as uuid), cast(?2 as text), cast(?3 as text), cast(?4 as uuid), cast(?5 as text))
                on conflict (person_id, scheme) do nothing
                """, personId, scheme, reason, cause, causeType).replaceWithVoid();
    }
}
