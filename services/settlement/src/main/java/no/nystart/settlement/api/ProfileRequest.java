package no.nystart.settlement.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A municipality's profile; all figures per mille (0..1000). labourDemand has one figure per STYRK-08 major group 0..9. */
public record ProfileRequest(
        @NotNull(message = "profile.required: labourDemand is required") @Size(min = 10, max = 10, message = "profile.styrk-major-groups: one figure per STYRK-08 major group 0..9 (10 figures)") List<@NotNull(message = "profile.required: figure required") @Min(value = 0, message = "profile.permille: 0..1000") @Max(value = 1000, message = "profile.permille: 0..1000") Integer> labourDemand,
        @NotNull(message = "profile.required: resultRatePermille is required") @Min(value = 0, message = "profile.permille: 0..1000") @Max(value = 1000, message = "profile.permille: 0..1000") Integer resultRatePermille,
        @NotNull(message = "profile.required: immigrantSharePermille is required") @Min(value = 0, message = "profile.permille: 0..1000") @Max(value = 1000, message = "profile.permille: 0..1000") Integer immigrantSharePermille) {
}
