package no.nystart.settlement.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.PermitType;
import no.nystart.platform.audit.ReadAudit;
import no.nystart.platform.history.PersonHistory;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.security.Caller;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.domain.SettlementRules;
import no.nystart.settlement.domain.SettlementTime;
import no.nystart.settlement.persistence.RelocationEntity;
import no.nystart.settlement.persistence.SettlementCaseEntity;

/**
 * One person's settlement history as timeline entries: the case opened, ready for settlement with the permit, the
 * proposal of a matching run, the settlement, every move and the closure; and, while the person waits, the
 * settlement-time target ahead (3 months for unaccompanied minors and households with a child under 18, else 6).
 * Read by settlement officers (the readers of cases); audited. The officer's closing note and the override reason
 * stay out (they may hold personal data).
 */
@ApplicationScoped
public class PersonHistoryService {
    static final String SERVICE = "settlement";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final ReadAudit readAudit;

    public PersonHistoryService(ReadAudit readAudit) {
        this.readAudit = readAudit;
    }

    @WithTransaction
    public Uni<PersonHistory> history(UUID personId, Caller caller, LocalDate today) {
        return SettlementCaseEntity.<SettlementCaseEntity>find("personId", personId).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundProblem("person", personId))
                .chain(c -> household(c).chain(members -> RelocationEntity.<RelocationEntity>list(
                                "personId = ?1 order by movedOn, createdAt", personId)
                        .chain(moves -> proposedAt(c).map(proposedAt -> timeline(c, members, moves, proposedAt, today)))))
                .call(h -> readAudit.record(caller, "GET /api/v1/persons/" + personId + "/history", null, personId));
    }

    private static Uni<List<SettlementCaseEntity>> household(SettlementCaseEntity c) {
        return c.householdId == null ? Uni.createFrom().item(List.of(c))
                : SettlementCaseEntity.<SettlementCaseEntity>list("householdId", c.householdId);
    }

    /** When the matching run that proposed the municipality ran (the report itself is not read). */
    private static Uni<OffsetDateTime> proposedAt(SettlementCaseEntity c) {
        if (c.matchingRunId == null || c.proposedMunicipality == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select r.createdAt from MatchingRunEntity r where r.id = ?1", OffsetDateTime.class)
                .setParameter(1, c.matchingRunId).getSingleResultOrNull());
    }

    static PersonHistory timeline(SettlementCaseEntity c, List<SettlementCaseEntity> household, List<RelocationEntity> moves,
            OffsetDateTime proposedAt, LocalDate today) {
        PersonHistory.Builder t = PersonHistory.builder(c.personId, SERVICE);
        LocalDate opened = c.registeredOn != null ? c.registeredOn : c.createdAt.atZoneSameInstant(OSLO).toLocalDate();
        t.entry(opened, c.createdAt, "SETTLEMENT_CASE_OPENED", "settlement case opened, route " + c.arrivalRoute
                        + (c.hostMunicipality == null ? "" : ", reception in " + c.hostMunicipality), null,
                PersonHistory.details("arrivalRoute", c.arrivalRoute, "hostMunicipality", c.hostMunicipality,
                        "householdSize", household.size()));
        if (c.permitDate != null) {
            t.entry(c.permitDate, null, "READY_FOR_SETTLEMENT", "permit " + c.permitType + ": ready for settlement",
                    permitRule(c.permitType), PersonHistory.details("permitType", c.permitType, "regime", c.regime));
        }
        if (c.proposedMunicipality != null && proposedAt != null) {
            t.entry(proposedAt.atZoneSameInstant(OSLO).toLocalDate(), proposedAt, "PROPOSED",
                    "proposed for settlement in " + c.proposedMunicipality + " (matching, year " + c.proposalYear + ")",
                    "integreringsloven § 4", PersonHistory.details("municipality", c.proposedMunicipality,
                            "year", c.proposalYear));
        }
        if (c.settledOn != null) {
            t.entry(c.settledOn, null, "SETTLED", "settled in " + c.settledMunicipality + " (" + c.settlementType + ")",
                    "integreringsloven § 4", PersonHistory.details("municipality", c.settledMunicipality,
                            "settlementType", c.settlementType,
                            "daysFromPermit", c.permitDate == null ? null
                                    : java.time.temporal.ChronoUnit.DAYS.between(c.permitDate, c.settledOn)));
        }
        for (RelocationEntity m : moves) {
            t.entry(m.movedOn, m.createdAt, "RELOCATED", "moved from " + m.fromMunicipality + " to " + m.toMunicipality
                    + " (" + m.relocationType + ")", null, PersonHistory.details("fromMunicipality", m.fromMunicipality,
                    "toMunicipality", m.toMunicipality, "relocationType", m.relocationType));
        }
        if (c.closedOn != null) {
            t.entry(c.closedOn, null, "SETTLEMENT_CASE_CLOSED", "settlement case closed (" + c.closeReason + ")", null,
                    PersonHistory.details("reason", c.closeReason));
        }
        if (c.permitDate != null && c.status != CaseStatus.SETTLED && c.status != CaseStatus.CLOSED) {
            int months = threeMonthTarget(c, household, today) ? SettlementTime.TARGET_MONTHS_CHILDREN
                    : SettlementTime.TARGET_MONTHS_ADULTS;
            t.deadline(c.permitDate.plusMonths(months), "SETTLEMENT_TIME_TARGET",
                    "settlement within " + months + " months of the permit (target)",
                    "settlement-time target " + months + " months");
        }
        return t.build(today);
    }

    /** The 3-month target: an unaccompanied minor, or a household with a child under 18 (today, while waiting). */
    static boolean threeMonthTarget(SettlementCaseEntity c, List<SettlementCaseEntity> household, LocalDate today) {
        return Boolean.TRUE.equals(c.unaccompaniedMinor) || household.stream()
                .anyMatch(m -> SettlementRules.ageOn(m.birthDate, today) < SettlementRules.ADULT_AGE);
    }

    /** The section of the Immigration Act (utlendingsloven) the permit is granted under. */
    static String permitRule(PermitType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case REFUGEE -> "utlendingsloven § 28";
            case RESETTLEMENT -> "utlendingsloven § 35";
            case HUMANITARIAN -> "utlendingsloven § 38";
            case FAMILY_MEMBER_OF_CHILD_FAMILY -> "utlendingsloven § 38 (5)";
            case COLLECTIVE_PROTECTION -> "utlendingsloven § 34";
            case FAMILY_REUNIFICATION -> "utlendingsloven kap. 6";
            case OTHER -> null;
        };
    }
}
