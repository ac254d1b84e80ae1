package no.nystart.reception.api;

import java.time.LocalDate;
import java.util.List;
import no.nystart.contracts.Regime;
import no.nystart.reception.domain.ModuleStatus;
import no.nystart.reception.domain.NoDutyReason;
import no.nystart.reception.domain.TrainingDuty;
import no.nystart.reception.domain.TrainingPolicy;
import no.nystart.reception.domain.TrainingRecord;
import no.nystart.reception.domain.TrainingRegime;
import no.nystart.reception.service.ResidentState;

/**
 * The mandatory training of a resident explained: regime by registration date and its legal basis, whether
 * the duty applies today and why not, and per module required/attended/remaining hours, exemption and completion.
 */
public record TrainingView(
        TrainingRegime regime,
        Regime law,
        String legalBasis,
        int ageAtRegistration,
        boolean dutyApplies,
        NoDutyReason noDutyReason,
        String explanation,
        boolean behind,
        List<ModuleStatus> modules) {

    static TrainingView of(ResidentState state, TrainingPolicy policy, LocalDate today) {
        TrainingRecord record = state.training(policy);
        TrainingDuty duty = record.dutyOn(today);
        String explanation = duty.applies()
                ? "duty under " + duty.regime().legalBasis() + ": " + duty.requiredHours().entrySet().stream()
                        .map(e -> e.getValue() + " h " + e.getKey()).sorted().toList()
                : duty.noDutyReason().get().explanation();
        return new TrainingView(duty.regime(), duty.regime().law().orElse(null), duty.regime().legalBasis(),
                duty.ageAtRegistration(), duty.applies(), duty.noDutyReason().orElse(null), explanation,
                record.isBehind(today), record.modules(today));
    }
}
