package no.nystart.introduction.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import no.nystart.introduction.domain.BenefitCalculator;
import no.nystart.introduction.domain.Grunnbelop;
import no.nystart.introduction.domain.LeaveType;
import no.nystart.introduction.domain.PauseRules;
import no.nystart.introduction.domain.ProgrammeRules;
import no.nystart.introduction.domain.TargetGroup;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The effective-dated rules and rates as beans: G table and programme rules from {@code data/}, the
 * unconfirmed values from configuration (docs/services/introduction-programme.md lists them).
 */
@ApplicationScoped
public class RulesConfiguration {

    @Produces
    @Singleton
    Grunnbelop grunnbelop() {
        return Grunnbelop.parse(resource("data/grunnbelop.csv"));
    }

    @Produces
    @Singleton
    ProgrammeRules programmeRules() {
        return ProgrammeRules.parse(resource("data/programme-rules.csv"));
    }

    @Produces
    @Singleton
    TargetGroup targetGroup(ProgrammeRules rules) {
        return new TargetGroup(rules);
    }

    /** § 20 (4) 5/6 for childless couples: in-force date unknown (docs/domain/README.md#8 item 6), unset = not applied. */
    @Produces
    @Singleton
    BenefitCalculator benefitCalculator(Grunnbelop g,
            @ConfigProperty(name = "introduction.benefit.childless-couple-five-sixths-from") Optional<LocalDate> coupleRuleFrom) {
        return new BenefitCalculator(g, coupleRuleFrom.orElse(null));
    }

    /** Leave limits (docs/domain/introduction-programme.md#3e); each may be overridden by {@code introduction.leave.<TYPE>.working-days|months|with-benefit}. */
    @Produces
    @Singleton
    PauseRules.LeaveLimits leaveLimits(Config config) {
        Map<LeaveType, PauseRules.Limit> limits = new EnumMap<>(LeaveType.class);
        PauseRules.LeaveLimits defaults = PauseRules.LeaveLimits.defaults();
        for (LeaveType type : LeaveType.values()) {
            PauseRules.Limit d = defaults.of(type);
            String p = "introduction.leave." + type + ".";
            limits.put(type, new PauseRules.Limit(
                    config.getOptionalValue(p + "working-days", Integer.class).orElse(d.workingDays()),
                    config.getOptionalValue(p + "months", Integer.class).orElse(d.months()),
                    config.getOptionalValue(p + "with-benefit", Boolean.class).orElse(d.withBenefit())));
        }
        return new PauseRules.LeaveLimits(limits);
    }

    private static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing resource " + name));
        }
        return in;
    }
}
