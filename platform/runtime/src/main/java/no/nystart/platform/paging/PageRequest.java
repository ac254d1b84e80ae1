package no.nystart.platform.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A client's request for one page of a list sorted by {@code sort}: {@code limit} items (default
 * {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) after {@code cursor} (the first page when absent).
 * A list's query fetches {@link #fetchSize()} = limit + 1 rows after the cursor in the sort's order, and
 * {@link #page} turns them into a {@link Page}: the extra row only tells that there is a next page.
 */
public record PageRequest(String sort, int limit, Optional<Cursor> cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw limitProblem();
        }
        cursor = cursor == null ? Optional.empty() : cursor;
    }

    /**
     * Parses the query parameters {@code limit} and {@code cursor} of a list sorted by {@code sort} whose key has
     * {@code arity} values.
     *
     * @throws InvalidPageException {@code paging.limit} for a limit that is not a whole number from 1 to
     *                              {@value #MAX_LIMIT}; {@code paging.cursor} for a cursor that does not decode or
     *                              belongs to another sort
     */
    public static PageRequest parse(String limit, String cursor, String sort, int arity) {
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            String trimmed = limit.trim();
            if (!trimmed.matches("[0-9]{1,4}")) {
                throw limitProblem();
            }
            size = Integer.parseInt(trimmed);
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw limitProblem();
        }
        Optional<Cursor> after = cursor == null ? Optional.empty() : Optional.of(Cursor.decode(cursor, sort, arity));
        return new PageRequest(sort, size, after);
    }

    /** The first page of {@code limit} items, for callers inside the service (and tests). */
    public static PageRequest first(String sort, int limit) {
        return new PageRequest(sort, limit, Optional.empty());
    }

    /** Rows a list's query fetches: one more than the limit, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    /**
     * The page from the rows a query fetched ({@link #fetchSize()} at most, in the sort's order): the first
     * {@code limit} rows and, when the query found more, the cursor after the last of them.
     *
     * @param keyOf the sort key values of a row, in the sort's order
     */
    public <T> Page<T> page(List<T> fetched, Function<? super T, Object[]> keyOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(Cursor.after(sort, keyOf.apply(items.get(limit - 1)))));
    }

    private static InvalidPageException limitProblem() {
        return new InvalidPageException("limit", "paging.limit",
                "must be a whole number from 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")");
    }
}
