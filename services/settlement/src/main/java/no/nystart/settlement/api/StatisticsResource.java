package no.nystart.settlement.api;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.platform.validation.Municipalities;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.settlement.service.StatisticsService;

@Path("/api/v1/statistics/settlement-time")
@RolesAllowed({Roles.SETTLEMENT_OFFICER, Roles.COUNTY_ANALYST})
public class StatisticsResource {
    private final StatisticsService statistics;
    private final Caller caller;

    public StatisticsResource(StatisticsService statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    /**
     * Days from permit to settlement for persons settled in {@code year}. Settlement officers see the country or one
     * {@code county}; county analysts only their own county (claim {@code county}).
     */
    @GET
    public Uni<StatisticsService.SettlementTimeView> settlementTime(@QueryParam("year") Integer year,
            @QueryParam("county") String county) {
        if (year == null || year < 2000 || year > 2100) {
            throw new RuleViolationException("year", "statistics.year", "year is required, 2000..2100");
        }
        if (county != null && Municipalities.instance().counties().stream().noneMatch(c -> c.number().equals(county))) {
            throw new RuleViolationException("county", "fylkesnummer.unknown", "no county has this fylkesnummer (docs/domain/identifiers.md#7c)");
        }
        String scope = county;
        if (!caller.isNational()) {
            String own = caller.county().orElseThrow(() -> new ForbiddenException("a county analyst needs a county claim"));
            if (scope != null && !scope.equals(own)) {
                throw new ForbiddenException("a county analyst sees only their own county");
            }
            scope = own;
        }
        return statistics.settlementTime(year, scope);
    }
}
