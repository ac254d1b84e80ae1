package no.nystart.grants.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/domain/grants.md#5b (moving municipality), a second move in the same year: hand-computed splits in whole kroner. */
class RelocationSplitTest {
    private static final GrantRules RULES = GrantRules.defaults();

    @Test
    void domain_5b_second_move_in_the_same_year_AR_2_120000_A_keeps_Jan_Apr_B_May_Aug_C_Sep_Dec() {
        // move 10 March: kept(4) = 120 000 × 4/12 = 40 000; move 5 July: kept(8) = 120 000 × 8/12 = 80 000
        List<RelocationSplit.Move> moves = List.of(new RelocationSplit.Move("A", "B", LocalDate.of(2032, 3, 10)),
                new RelocationSplit.Move("B", "C", LocalDate.of(2032, 7, 5)));
        assertThat(RelocationSplit.shares(120_000, moves, RULES))
                .containsExactlyInAnyOrderEntriesOf(Map.of("A", 40_000L, "B", 40_000L, "C", 40_000L));
        // the same, move by move: B held 80 000 after the first move, C gets 120 000 - 80 000, B keeps 80 000 - 40 000
        RelocationSplit first = RelocationSplit.ofMove(120_000, 120_000, LocalDate.of(2032, 3, 10), RULES);
        assertThat(first).isEqualTo(new RelocationSplit(40_000, 80_000));
        assertThat(RelocationSplit.ofMove(120_000, first.toNewMunicipality(), LocalDate.of(2032, 7, 5), RULES))
                .isEqualTo(new RelocationSplit(40_000, 40_000));
    }

    @Test
    void domain_5b_second_move_rounds_the_cumulative_kept_share_half_up_and_the_shares_sum_to_the_year() {
        // 100 001: kept(4) = 33 333.67 → 33 334; kept(8) = 66 667.33 → 66 667
        // A 33 334, B 66 667 - 33 334 = 33 333, C 100 001 - 66 667 = 33 334; sum 100 001
        List<RelocationSplit.Move> moves = List.of(new RelocationSplit.Move("A", "B", LocalDate.of(2032, 3, 31)),
                new RelocationSplit.Move("B", "C", LocalDate.of(2032, 7, 1)));
        Map<String, Long> shares = RelocationSplit.shares(100_001, moves, RULES);
        assertThat(shares).containsExactlyInAnyOrderEntriesOf(Map.of("A", 33_334L, "B", 33_333L, "C", 33_334L));
        assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100_001);
        RelocationSplit second = RelocationSplit.ofMove(100_001, 100_001 - 33_334, LocalDate.of(2032, 7, 1), RULES);
        assertThat(second).isEqualTo(new RelocationSplit(33_333, 33_334));
    }

    @Test
    void domain_5b_a_first_move_is_the_old_split_and_moving_back_adds_up_per_municipality() {
        LocalDate march = LocalDate.of(2032, 3, 10);
        RelocationSplit old = RelocationSplit.of(120_000, march, RULES);
        assertThat(RelocationSplit.shares(120_000, List.of(new RelocationSplit.Move("A", "B", march)), RULES))
                .containsExactlyInAnyOrderEntriesOf(Map.of("A", old.keptByFrom(), "B", old.toNewMunicipality()));
        assertThat(RelocationSplit.ofMove(120_000, 120_000, march, RULES)).isEqualTo(old);
        // A → B in February (kept 3 months: 30 000), B → A in June (kept(7) = 70 000: B 40 000), A keeps the rest 50 000
        // plus its first 30 000 = 80 000
        assertThat(RelocationSplit.shares(120_000, List.of(new RelocationSplit.Move("B", "A", LocalDate.of(2032, 6, 1)),
                new RelocationSplit.Move("A", "B", LocalDate.of(2032, 2, 1))), RULES))
                .containsExactlyInAnyOrderEntriesOf(Map.of("A", 80_000L, "B", 40_000L));
    }

    @Test
    void domain_5b_a_move_never_gives_away_more_than_the_municipality_moved_from_held() {
        // held 10 000 of 120 000, move in March: the new municipality would get 80 000; it gets the 10 000 held, and
        // the person's total does not grow
        assertThat(RelocationSplit.ofMove(120_000, 10_000, LocalDate.of(2032, 3, 10), RULES)).isEqualTo(new RelocationSplit(0, 10_000));
        // a move in November or December: kept(12) = the whole year, nothing follows the person
        assertThat(RelocationSplit.ofMove(120_000, 80_000, LocalDate.of(2032, 11, 2), RULES)).isEqualTo(new RelocationSplit(80_000, 0));
    }
}
