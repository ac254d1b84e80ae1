package no.nystart.reception.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.reception.ExemptionReason;
import no.nystart.contracts.reception.LanguageProficiency;
import no.nystart.contracts.reception.LanguageSkill;
import no.nystart.contracts.reception.OtherCompetence;
import no.nystart.contracts.reception.TrainingModule;
import no.nystart.contracts.reception.WorkExperience;

/** Request bodies of the resident sub-resources. */
public final class Requests {
    private Requests() {
    }

    /** {@code POST /residents/{id}/training-sessions}: attended hours of one module on one day (0 < hours ≤ 8). */
    public record TrainingSessionRequest(
            @NotNull TrainingModule module,
            @NotNull LocalDate date,
            @NotNull
            @DecimalMin(value = "0", inclusive = false, message = "training-session.hours-range: must be more than 0")
            @DecimalMax(value = "8", message = "training-session.hours-range: at most 8 hours a day")
            @Digits(integer = 1, fraction = 2, message = "training-session.hours-precision: at most two decimals")
            BigDecimal hours) {
    }

    /** {@code POST /residents/{id}/exemptions}: fritak for health or other weighty reasons (docs/domain/reception.md#1b). */
    public record ExemptionRequest(@NotNull TrainingModule module, @NotNull ExemptionReason reason, @NotNull LocalDate grantedOn) {
    }

    /** {@code POST /residents/{id}/residence-permit}: UDI's decision. */
    public record PermitRequest(@NotNull PermitType permitType, @NotNull LocalDate decisionDate) {
    }

    /** One language: ISO 639-3 code (lower case) and proficiency. */
    public record LanguageRequest(
            @NotNull @Pattern(regexp = "[a-z]{3}", message = "iso639-3.format: a three-letter lower-case ISO 639-3 code") String languageCode,
            @NotNull LanguageProficiency proficiency) {
        LanguageSkill toSkill() {
            return new LanguageSkill(languageCode, proficiency);
        }
    }

    /** Work experience in one occupation: STYRK-08 code (four digits) and whole years. */
    public record WorkRequest(
            @NotNull @Pattern(regexp = "[0-9]{4}", message = "styrk-08.format: a STYRK-08 occupation code is four digits") String styrkCode,
            @NotNull @Min(0) @Max(60) Integer years) {
        WorkExperience toExperience() {
            return new WorkExperience(styrkCode, years);
        }
    }

    /**
     * {@code PUT /residents/{id}/competence-mapping}: the minimum content of integreringsloven § 6/§ 10
     * (languages, education, work experience, other competence; docs/domain/reception.md#1c).
     */
    public record CompetenceMappingRequest(
            @NotNull LocalDate mappedOn,
            @NotNull List<@Valid @NotNull LanguageRequest> languages,
            @NotNull EducationLevel educationLevel,
            @NotNull @Min(0) @Max(30) Integer educationYears,
            @NotNull List<@Valid @NotNull WorkRequest> workExperience,
            @NotNull List<@NotNull OtherCompetence> otherCompetence) {
    }

    /** {@code POST /residents/{id}/departure}: moved out for another reason than settlement. */
    public record DepartureRequest(@NotNull LocalDate leftOn, @NotNull no.nystart.contracts.reception.DepartureReason reason) {
    }

    /** {@code POST /residents/{id}/career-guidance}: § 11 guidance by the county; county defaults to the host's. */
    public record CareerGuidanceRequest(
            @NotNull LocalDate completedOn,
            @Pattern(regexp = "[0-9]{2}", message = "fylkesnummer.format: a fylkesnummer is two digits") String county) {
    }
}
