package no.nystart.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Parsing and validating limit and cursor, cursors round-trip, pages from limit + 1 rows, the next link. */
class PageRequestTest {
    static final String SORT = "test.day.id";

    @Test
    void without_parameters_the_first_page_of_the_default_50() {
        PageRequest request = PageRequest.parse(null, null, SORT, 2);
        assertThat(request.limit()).isEqualTo(50).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(request.cursor()).isEmpty();
        assertThat(request.fetchSize()).isEqualTo(51);
    }

    @Test
    void paging_limit_from_1_to_500_is_accepted_others_are_400_naming_limit() {
        assertThat(PageRequest.parse("1", null, SORT, 2).limit()).isEqualTo(1);
        assertThat(PageRequest.parse("500", null, SORT, 2).limit()).isEqualTo(500);
        for (String bad : List.of("0", "-1", "501", "100000", "99999999999", "abc", "", "1.5", "5e2", " ")) {
            assertThatThrownBy(() -> PageRequest.parse(bad, null, SORT, 2)).as(bad)
                    .isInstanceOfSatisfying(InvalidPageException.class, e -> {
                        assertThat(e.field()).isEqualTo("limit");
                        assertThat(e.rule()).isEqualTo("paging.limit");
                        assertThat(e.getMessage()).contains("1 to 500");
                    });
        }
    }

    @Test
    void a_cursor_round_trips_its_sort_key_and_is_url_safe() {
        LocalDate day = LocalDate.of(2025, 2, 28);
        UUID id = UUID.randomUUID();
        String encoded = Cursor.after(SORT, day, id).encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        Cursor decoded = PageRequest.parse("10", encoded, SORT, 2).cursor().orElseThrow();
        assertThat(decoded.date(0)).isEqualTo(day);
        assertThat(decoded.uuid(1)).isEqualTo(id);
        assertThat(decoded).isEqualTo(Cursor.after(SORT, day, id));
        assertThat(Cursor.decode(Cursor.after(SORT, "Ås | \"x\" ,", 7L).encode(), SORT, 2).text(0)).isEqualTo("Ås | \"x\" ,");
        assertThat(Cursor.decode(Cursor.after(SORT, "a", 7L).encode(), SORT, 2).number(1)).isEqualTo(7L);
    }

    @Test
    void paging_cursor_that_does_not_decode_or_belongs_to_another_sort_is_400_naming_cursor() {
        String otherSort = Cursor.after("other.sort", LocalDate.of(2025, 1, 1), UUID.randomUUID()).encode();
        String otherArity = Cursor.after(SORT, LocalDate.of(2025, 1, 1)).encode();
        String notBase64 = "%%%";
        String notJson = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("hello".getBytes());
        String wrongShape = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"s\":1}".getBytes());
        for (String bad : List.of(otherSort, otherArity, notBase64, notJson, wrongShape, "", "x".repeat(5000))) {
            assertThatThrownBy(() -> PageRequest.parse(null, bad, SORT, 2)).as(bad)
                    .isInstanceOfSatisfying(InvalidPageException.class, e -> {
                        assertThat(e.field()).isEqualTo("cursor");
                        assertThat(e.rule()).isEqualTo("paging.cursor");
                    });
        }
        // a cursor of the right shape whose values are not of the key's types fails when the key is read
        Cursor wrongTypes = Cursor.decode(Cursor.after(SORT, "not-a-date", "not-a-uuid").encode(), SORT, 2);
        assertThatThrownBy(() -> wrongTypes.date(0)).isInstanceOf(InvalidPageException.class);
        assertThatThrownBy(() -> wrongTypes.uuid(1)).isInstanceOf(InvalidPageException.class);
        assertThatThrownBy(() -> wrongTypes.number(1)).isInstanceOf(InvalidPageException.class);
    }

    @Test
    void limit_plus_one_rows_make_a_full_page_with_the_cursor_after_its_last_item() {
        PageRequest request = PageRequest.parse("3", null, SORT, 1);
        List<Integer> fetched = List.of(10, 20, 30, 40);
        Page<Integer> page = request.page(fetched, n -> new Object[] {n});
        assertThat(page.items()).containsExactly(10, 20, 30);
        assertThat(page.next()).contains(Cursor.after(SORT, 30));
        assertThat(page.map(n -> "#" + n).items()).containsExactly("#10", "#20", "#30");
        assertThat(page.map(n -> "#" + n).next()).isEqualTo(page.next());
    }

    @Test
    void limit_rows_or_fewer_are_the_last_page_without_a_cursor() {
        PageRequest request = PageRequest.parse("3", null, SORT, 1);
        assertThat(request.page(List.of(10, 20, 30), n -> new Object[] {n}).next()).isEmpty();
        assertThat(request.page(List.of(10), n -> new Object[] {n}).next()).isEmpty();
        assertThat(request.page(List.<Integer>of(), n -> new Object[] {n}).items()).isEmpty();
    }

    @Test
    void walking_keyset_pages_over_a_sorted_list_visits_every_item_once_in_order() {
        List<Integer> all = IntStream.rangeClosed(1, 1234).boxed().toList();
        List<Integer> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            PageRequest request = PageRequest.parse("100", cursor, SORT, 1);
            long after = request.cursor().map(c -> c.number(0)).orElse(0L);
            List<Integer> fetched = all.stream().filter(n -> n > after).limit(request.fetchSize()).toList();
            Page<Integer> page = request.page(fetched, n -> new Object[] {n});
            seen.addAll(page.items());
            cursor = page.next().map(Cursor::encode).orElse(null);
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(all);
        assertThat(pages).isEqualTo(13);
    }

    @Test
    void the_next_link_repeats_path_and_filters_with_the_same_limit_and_the_new_cursor() {
        assertThat(PagedResponse.nextTarget(URI.create("http://host:8081/api/v1/residents?receptionCentreId=abc&behind=true&cursor=old"),
                50, "eyJ9")).isEqualTo("/api/v1/residents?receptionCentreId=abc&behind=true&limit=50&cursor=eyJ9");
        assertThat(PagedResponse.nextTarget(URI.create("http://host/api/v1/cases?limit=7"), 7, "Zm9v"))
                .isEqualTo("/api/v1/cases?limit=7&cursor=Zm9v");
        assertThat(PagedResponse.nextTarget(URI.create("http://host/api/v1/learners?municipality=%C3%85s"), 50, "Zm9v"))
                .isEqualTo("/api/v1/learners?municipality=%C3%85s&limit=50&cursor=Zm9v");
    }
}
