package no.nystart.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import no.nystart.platform.validation.Violation;

/**
 * An RFC 9457 problem detail, as every NyStart endpoint answers errors
 * ({@code application/problem+json}). {@code violations} names each offending field and rule.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://nystart.no/problems/";

    public static Problem of(int status, String slug, String title, String detail, String instance, List<Violation> violations) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, violations == null ? List.of() : List.copyOf(violations));
    }
}
