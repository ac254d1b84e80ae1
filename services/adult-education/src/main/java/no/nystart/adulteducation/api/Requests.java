package no.nystart.adulteducation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import no.nystart.adulteducation.domain.ExemptionBasis;
import no.nystart.adulteducation.domain.ExemptionDocumentation;
import no.nystart.adulteducation.domain.ProviderKind;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.adulteducation.CourseType;
import no.nystart.contracts.adulteducation.NorwegianTestType;

/** Request bodies of the adult-education API. */
public final class Requests {
    private Requests() {
    }

    public record CreateProvider(
            @NotBlank @Size(max = 200) String name,
            @NotNull ProviderKind kind,
            @NotNull @Pattern(regexp = "[0-9]{4}", message = "kommunenummer.format: must be four digits") String municipality,
            @Pattern(regexp = "[0-9]{9}", message = "organisation-number.format: must be nine digits") String organisationNumber,
            LocalDate approvedFrom,
            LocalDate approvedTo) {
    }

    public record Enrol(
            @NotNull CourseType course,
            @NotNull UUID providerId,
            @NotNull LocalDate startDate,
            @Pattern(regexp = "[a-z]{2,3}", message = "language.iso639: must be an ISO 639 code in lower case") String languageOfInstruction) {
    }

    public record Hours(@NotNull BigDecimal hours) {
    }

    public record NorwegianTest(
            @NotNull NorwegianTestType testType,
            @NotNull LocalDate testDate,
            CefrLevel readingLevel,
            CefrLevel listeningLevel,
            CefrLevel writingLevel,
            CefrLevel oralLevel) {
    }

    public record SocialStudiesTest(@NotNull LocalDate testDate, @NotNull Boolean passed) {
    }

    public record Exemption(
            @NotNull CourseType course,
            @NotNull ExemptionBasis legalBasis,
            @NotNull ExemptionDocumentation documentationType,
            @NotNull LocalDate decidedOn) {
    }

    public record EducationBackground(@NotNull EducationLevel educationLevel, boolean documentedB2Need) {
    }

    public record Leave(@NotNull LocalDate from, @NotNull LocalDate to) {
    }
}
