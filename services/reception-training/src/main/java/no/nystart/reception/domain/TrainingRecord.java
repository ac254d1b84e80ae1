package no.nystart.reception.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.ExemptionReason;
import no.nystart.contracts.reception.TrainingModule;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;

/**
 * A resident's mandatory training: the duty (docs/domain/reception.md#1a/1b), the sessions attended, exemptions and
 * completions. Checks new sessions and exemptions and tells when a module is completed. Pure rule code.
 */
public final class TrainingRecord {
    private final LocalDate birthDate;
    private final LocalDate registeredOn;
    private final AsylumProcedure procedure;
    private final Optional<LocalDate> permitDecidedOn;
    private final Optional<LocalDate> leftOn;
    private final List<TrainingSession> sessions;
    private final Map<TrainingModule, ExemptionReason> exemptions;
    private final Map<TrainingModule, LocalDate> completions;
    private final TrainingPolicy policy;

    public TrainingRecord(LocalDate birthDate, LocalDate registeredOn, AsylumProcedure procedure,
            Optional<LocalDate> permitDecidedOn, Optional<LocalDate> leftOn, List<TrainingSession> sessions,
            Map<TrainingModule, ExemptionReason> exemptions, Map<TrainingModule, LocalDate> completions, TrainingPolicy policy) {
        this.birthDate = birthDate;
        this.registeredOn = registeredOn;
        this.procedure = procedure;
        this.permitDecidedOn = permitDecidedOn;
        this.leftOn = leftOn;
        this.sessions = List.copyOf(sessions);
        this.exemptions = Map.copyOf(exemptions);
        this.completions = Map.copyOf(completions);
        this.policy = policy;
    }

    /** The duty as it stands on {@code day}. */
    public TrainingDuty dutyOn(LocalDate day) {
        return TrainingDuty.assess(birthDate, registeredOn, procedure, permitDecidedOn, day);
    }

    public TrainingRegime regime() {
        return TrainingRegime.forRegistrationDate(registeredOn);
    }

    public BigDecimal attended(TrainingModule module) {
        return sessions.stream().filter(s -> s.module() == module).map(TrainingSession::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Checks a new session; throws {@link RuleViolationException} (422) listing every broken rule.
     *
     * <ul>
     *   <li>{@code training-session.before-registration}: not before the date registered in the centre</li>
     *   <li>{@code date.not-in-future}: not after today (Europe/Oslo)</li>
     *   <li>{@code training-session.after-leaving}: not after the resident left the centre</li>
     *   <li>{@code mandatory-training.no-duty}: the person has a duty on that day (docs/domain/reception.md#1a/1b)</li>
     *   <li>{@code mandatory-training.module-not-in-regime}: the module belongs to the regime (175 h NORWEGIAN
     *       + 50 h CULTURE_AND_VALUES under introduksjonsloven § 20 a; + 25 h SOCIAL_STUDIES under integreringsloven § 5)</li>
     *   <li>{@code mandatory-training.exempt}: not exempt from the module (fritak, docs/domain/reception.md#1b)</li>
     *   <li>{@code mandatory-training.already-completed}: the module's hours are not already reached</li>
     *   <li>{@code training-session.max-hours-per-day}: at most {@link TrainingPolicy#maxHoursPerDay()} per person and day</li>
     * </ul>
     */
    public void checkSession(TrainingSession session, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        LocalDate date = session.date();
        if (session.hours().signum() <= 0 || session.hours().compareTo(policy.maxHoursPerDay()) > 0) {
            violations.add(new Violation("hours", "training-session.hours-range",
                    "hours must be more than 0 and at most " + policy.maxHoursPerDay().toPlainString()));
        }
        if (date.isBefore(registeredOn)) {
            violations.add(new Violation("date", "training-session.before-registration",
                    "the session date " + date + " is before the registration in the centre on " + registeredOn));
        }
        if (date.isAfter(today)) {
            violations.add(new Violation("date", "date.not-in-future",
                    "the session date " + date + " is after today (" + today + ")"));
        }
        if (leftOn.isPresent() && date.isAfter(leftOn.get())) {
            violations.add(new Violation("date", "training-session.after-leaving",
                    "the resident left the centre on " + leftOn.get()));
        }
        TrainingDuty duty = dutyOn(date);
        if (!duty.applies()) {
            violations.add(new Violation("module", "mandatory-training.no-duty",
                    "no duty to take mandatory training on " + date + ": " + duty.noDutyReason().get().explanation()));
        } else if (!duty.covers(session.module())) {
            violations.add(new Violation("module", "mandatory-training.module-not-in-regime",
                    session.module() + " is not a module of " + duty.regime().legalBasis()
                            + " (modules: " + duty.regime().requiredHours().keySet() + ")"));
        } else if (exemptions.containsKey(session.module())) {
            violations.add(new Violation("module", "mandatory-training.exempt",
                    "the resident is exempt from " + session.module() + " (" + exemptions.get(session.module()) + ")"));
        } else if (completions.containsKey(session.module())) {
            violations.add(new Violation("module", "mandatory-training.already-completed",
                    "the required hours of " + session.module() + " were reached on " + completions.get(session.module())));
        }
        BigDecimal sameDay = sessions.stream().filter(s -> s.date().equals(date)).map(TrainingSession::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sameDay.add(session.hours()).compareTo(policy.maxHoursPerDay()) > 0) {
            violations.add(new Violation("hours", "training-session.max-hours-per-day",
                    sameDay.toPlainString() + " hours are already recorded on " + date + "; at most "
                            + policy.maxHoursPerDay().toPlainString() + " hours a day"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /**
     * Whether {@code session}, once added, makes its module reach the required hours for the first time; then
     * the module is completed on the session's date (docs/domain/reception.md#1b "Completion": modelled as attended hours
     * reaching 175/25, or 175/50 in regime A — open question 9).
     */
    public boolean completesModule(TrainingSession session) {
        if (completions.containsKey(session.module())) {
            return false;
        }
        Integer required = dutyOn(session.date()).requiredHours().get(session.module());
        return required != null && attended(session.module()).add(session.hours()).compareTo(BigDecimal.valueOf(required)) >= 0;
    }

    /**
     * Checks an exemption (fritak for "særlige helsemessige eller andre tungtveiende årsaker", docs/domain/reception.md#1b).
     * Only from a module the person has a duty to take, once per module, not after completion, on a date from
     * the registration up to today.
     */
    public void checkExemption(TrainingModule module, LocalDate grantedOn, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (grantedOn.isBefore(registeredOn)) {
            violations.add(new Violation("grantedOn", "exemption.before-registration",
                    "the exemption date " + grantedOn + " is before the registration in the centre on " + registeredOn));
        }
        if (grantedOn.isAfter(today)) {
            violations.add(new Violation("grantedOn", "date.not-in-future",
                    "the exemption date " + grantedOn + " is after today (" + today + ")"));
        }
        TrainingDuty duty = dutyOn(grantedOn.isAfter(today) ? today : grantedOn);
        if (!duty.applies()) {
            violations.add(new Violation("module", "mandatory-training.no-duty",
                    "no duty to exempt from: " + duty.noDutyReason().get().explanation()));
        } else if (!duty.covers(module)) {
            violations.add(new Violation("module", "mandatory-training.module-not-in-regime",
                    module + " is not a module of " + duty.regime().legalBasis()));
        } else if (completions.containsKey(module)) {
            violations.add(new Violation("module", "mandatory-training.already-completed",
                    "the required hours of " + module + " were reached on " + completions.get(module)));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /**
     * Per module of the regime: required, attended, remaining. Listed while the duty applies or once applied
     * (ended by a permit decision or departure); empty for a person who never had a duty.
     */
    public List<ModuleStatus> modules(LocalDate today) {
        TrainingDuty atRegistration = dutyOn(registeredOn);
        if (!atRegistration.applies()) {
            return List.of();
        }
        List<ModuleStatus> result = new ArrayList<>();
        for (TrainingModule module : TrainingModule.values()) {
            Integer required = atRegistration.regime().requiredHours().get(module);
            if (required == null) {
                continue;
            }
            BigDecimal attended = attended(module);
            boolean exempt = exemptions.containsKey(module);
            BigDecimal remaining = BigDecimal.valueOf(required).subtract(attended).max(BigDecimal.ZERO);
            if (exempt || completions.containsKey(module)) {
                remaining = BigDecimal.ZERO;
            }
            result.add(new ModuleStatus(module, required, attended.setScale(2, RoundingMode.HALF_UP),
                    remaining.setScale(2, RoundingMode.HALF_UP), exempt, exemptions.get(module),
                    completions.get(module)));
        }
        return result;
    }

    /**
     * "Behind": still with a duty, registered more than {@link TrainingPolicy#behindAfterWeeks()} weeks ago, not
     * exempt from Norwegian, and attended less than {@link TrainingPolicy#behindNorwegianShare()} of its hours.
     */
    public boolean isBehind(LocalDate today) {
        TrainingDuty duty = dutyOn(today);
        if (!duty.applies() || leftOn.isPresent() || !duty.covers(TrainingModule.NORWEGIAN)
                || exemptions.containsKey(TrainingModule.NORWEGIAN) || completions.containsKey(TrainingModule.NORWEGIAN)) {
            return false;
        }
        if (ChronoUnit.DAYS.between(registeredOn, today) <= 7L * policy.behindAfterWeeks()) {
            return false;
        }
        BigDecimal threshold = BigDecimal.valueOf(duty.requiredHours().get(TrainingModule.NORWEGIAN))
                .multiply(policy.behindNorwegianShare());
        return attended(TrainingModule.NORWEGIAN).compareTo(threshold) < 0;
    }
}
