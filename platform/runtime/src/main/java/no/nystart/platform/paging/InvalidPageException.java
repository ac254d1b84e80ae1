package no.nystart.platform.paging;

/**
 * A {@code limit} or {@code cursor} query parameter that cannot be used: answered 400 problem+json naming the
 * parameter and its rule ({@code paging.limit} or {@code paging.cursor}) by {@link PagingProblemMapper}.
 */
public class InvalidPageException extends RuntimeException {
    private final String field;
    private final String rule;

    InvalidPageException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
