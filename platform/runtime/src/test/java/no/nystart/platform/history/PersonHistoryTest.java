package no.nystart.platform.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonHistoryTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void entries_come_in_date_order_then_recorded_time_with_unknown_time_last() {
        OffsetDateTime morning = OffsetDateTime.of(2026, 1, 5, 8, 0, 0, 0, ZoneOffset.UTC);
        PersonHistory history = PersonHistory.builder(UUID.randomUUID(), "svc")
                .entry(LocalDate.of(2026, 2, 1), null, "B_LATER", "later", null, null)
                .entry(LocalDate.of(2026, 1, 5), null, "A_NO_TIME", "no time", null, null)
                .entry(LocalDate.of(2026, 1, 5), morning.plusHours(2), "Z_TEN", "ten", null, null)
                .entry(LocalDate.of(2026, 1, 5), morning, "Z_EIGHT", "eight", null, null)
                .entry(null, null, "NOT_YET", "no date", null, null)
                .build(TODAY);

        assertThat(history.entries()).extracting(TimelineEntry::kind)
                .containsExactly("Z_EIGHT", "Z_TEN", "A_NO_TIME", "B_LATER");
        assertThat(history.entries()).allSatisfy(e -> assertThat(e.service()).isEqualTo("svc"));
    }

    @Test
    void only_deadlines_from_today_on_are_kept_earliest_first() {
        PersonHistory history = PersonHistory.builder(UUID.randomUUID(), "svc")
                .deadline(TODAY.plusDays(30), "END", "end", "§ 13")
                .deadline(TODAY.minusDays(1), "PASSED", "passed", "§ 12")
                .deadline(TODAY, "TODAY", "today", "§ 12")
                .build(TODAY);

        assertThat(history.deadlines()).extracting(TimelineDeadline::kind).containsExactly("TODAY", "END");
    }

    @Test
    void details_keep_order_leave_out_nulls_and_write_enums_by_name() {
        assertThat(PersonHistory.details("a", 1, "b", null, "c", java.time.DayOfWeek.MONDAY))
                .containsExactly(java.util.Map.entry("a", 1), java.util.Map.entry("c", "MONDAY"));
        assertThatThrownBy(() -> PersonHistory.details("odd")).isInstanceOf(IllegalArgumentException.class);
    }
}
