package no.nystart.platform.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a list: its items in the list's order and, when more follow, the cursor of the next page. */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    public Page {
        items = List.copyOf(items);
        next = next == null ? Optional.empty() : next;
    }

    /** The same page with each item mapped (e.g. entity → view); the cursor stays. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }

    /** Keeps the items a filter accepts; the cursor stays (a filtered page may be shorter than the limit). */
    public Page<T> filter(java.util.function.Predicate<? super T> keep) {
        return new Page<>(items.stream().filter(keep).toList(), next);
    }

    public boolean hasNext() {
        return next.isPresent();
    }
}
