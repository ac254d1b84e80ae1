package no.nystart.settlement.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.domain.SettlementRules;
import no.nystart.settlement.domain.SettlementTime;
import no.nystart.settlement.persistence.SettlementCaseEntity;

/** KPIs on time from permit to settlement (docs/domain/settlement.md#2, "Time targets"). */
@ApplicationScoped
public class StatisticsService {

    public record SettlementTimeView(int year, String county, int persons, java.math.BigDecimal medianDays,
            SettlementTime.Figures minorsAndFamiliesWithChildren, SettlementTime.Figures otherAdults) {
    }

    /**
     * Persons settled in {@code year} (all settlement types), optionally only in municipalities of one county (the
     * first two digits of the kommunenummer, docs/domain/identifiers.md#7c). The 3-month target applies to unaccompanied minors and
     * every member of a household with a child under 18 at the settlement date; the 6-month target to everyone else.
     */
    @WithSession
    public Uni<SettlementTimeView> settlementTime(int year, String county) {
        return SettlementCaseEntity.<SettlementCaseEntity>list("status = ?1 and settledOn >= ?2 and settledOn < ?3",
                CaseStatus.SETTLED, Capacity.yearStart(year), Capacity.nextYearStart(year)).map(all -> {
                    List<SettlementCaseEntity> cases = county == null ? all
                            : all.stream().filter(c -> c.settledMunicipality.startsWith(county)).toList();
                    Map<UUID, List<SettlementCaseEntity>> households = cases.stream()
                            .collect(Collectors.groupingBy(c -> c.householdId));
                    List<SettlementTime.Settled> settled = new ArrayList<>();
                    for (List<SettlementCaseEntity> members : households.values()) {
                        boolean withChild = members.stream()
                                .anyMatch(m -> SettlementRules.ageOn(m.birthDate, m.settledOn) < SettlementRules.ADULT_AGE);
                        for (SettlementCaseEntity m : members) {
                            boolean threeMonths = Boolean.TRUE.equals(m.unaccompaniedMinor) || withChild;
                            settled.add(new SettlementTime.Settled(m.permitDate, m.settledOn, threeMonths));
                        }
                    }
                    SettlementTime.Figures total = SettlementTime.figures(settled);
                    return new SettlementTimeView(year, county, total.persons(), total.medianDays(),
                            SettlementTime.figures(settled.stream().filter(SettlementTime.Settled::minorOrFamilyWithChildren).toList()),
                            SettlementTime.figures(settled.stream().filter(s -> !s.minorOrFamilyWithChildren()).toList()));
                });
    }
}
