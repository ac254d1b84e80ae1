package no.nystart.grants.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import no.nystart.grants.domain.GrantRules;
import no.nystart.grants.domain.RateGroup;
import no.nystart.grants.domain.TrainingGrantRules;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The grant rules with the configured values of the unconfirmed ones (docs/services/grant-accounting.md). */
@ApplicationScoped
public class GrantRulesProducer {
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    @Produces
    @Singleton
    GrantRules rules(
            @ConfigProperty(name = "nystart.grants.relocation.following-months-kept", defaultValue = "1") int monthsKept,
            @ConfigProperty(name = "nystart.grants.payout.cutoffs", defaultValue = "04-01,07-01,10-01,12-15") List<String> cutoffs) {
        return GrantRules.defaults()
                .withRelocationMonthsKept(monthsKept)
                .withPayoutCutoffs(cutoffs.stream().map(c -> MonthDay.parse(c.trim(), MONTH_DAY)).toList());
    }

    @Produces
    @Singleton
    TrainingGrantRules trainingRules(
            @ConfigProperty(name = "nystart.grants.norwegian.default-rate-group", defaultValue = "HIGH") RateGroup defaultGroup,
            @ConfigProperty(name = "nystart.grants.norwegian.later-years-quarter", defaultValue = "1") int laterYearsQuarter,
            @ConfigProperty(name = "nystart.grants.competence-mapping.cutoff", defaultValue = "12-01") String mappingCutoff,
            @ConfigProperty(name = "nystart.grants.competence-mapping.quarter", defaultValue = "4") int mappingQuarter) {
        return new TrainingGrantRules(defaultGroup, laterYearsQuarter, MonthDay.parse(mappingCutoff.trim(), MONTH_DAY),
                mappingQuarter);
    }
}
