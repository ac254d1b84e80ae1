package no.nystart.reception.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.nystart.platform.validation.constraints.DufNumber;
import no.nystart.platform.validation.constraints.NationalIdentityNumber;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person search, sent as a POST body so no name, DUF number or national id appears in a URL or an access log.
 * Criteria combine (all given must match); at least one is required. Reception holds no national ids: a search that
 * names one finds nobody here.
 *
 * @param name      words that each start a word of the first or last name, case-insensitive (2–100 characters)
 * @param dufNumber the 12-digit DUF number, exact
 * @param nationalId fødselsnummer or D-nummer, exact
 */
public record PersonSearchRequest(
        @Size(min = 2, max = 100, message = "person-search.name-length: a name must have 2 to 100 characters")
        @Pattern(regexp = ".*\\S.*", message = "person-search.name-blank: a name must contain letters")
        String name,
        @DufNumber String dufNumber,
        @NationalIdentityNumber String nationalId) {

    /** At least one criterion (field {@code criterion}, rule {@code person-search.criterion-required}). */
    // a rule of the record, not a field of the body: left out of the OpenAPI schema (the fuzz suite sent it as one)
    @Schema(hidden = true)
    @AssertTrue(message = "person-search.criterion-required: give a name, a DUF number or a national id")
    public boolean isCriterion() {
        return name != null || dufNumber != null || nationalId != null;
    }
}
