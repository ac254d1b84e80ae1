package no.nystart.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision bar's parts and words, the decisions page's rows, and the municipality numbers typed to narrow them. */
class MunicipalityPagesTest {

    private static MunicipalityPages.DecisionRow row(int decided, int settled, int proposed) {
        return new MunicipalityPages.DecisionRow("5001", "Trondheim", 2026, decided, settled, proposed,
                decided - settled - proposed, 0, 0, 0, 0, "2026-01-10", null);
    }

    @Test
    void the_bar_parts_are_whole_percent_of_the_decision_and_add_up_to_the_whole() {
        MunicipalityPages.DecisionRow r = row(4, 1, 0);
        assertThat(r.settledPercent()).isEqualTo(25);
        assertThat(r.proposedPercent()).isZero();
        assertThat(r.remainingPercent()).isEqualTo(75);
        assertThat(r.barText()).isEqualTo("Bosatt 1, foreslått 0, gjenstår 3 av 4 plasser");

        MunicipalityPages.DecisionRow thirds = row(3, 1, 1);
        assertThat(thirds.settledPercent() + thirds.proposedPercent() + thirds.remainingPercent()).isEqualTo(100);
        assertThat(thirds.settledPercent()).isEqualTo(33);
        assertThat(thirds.proposedPercent()).isEqualTo(34);
    }

    @Test
    void settled_beyond_the_decision_fills_the_bar_and_says_how_far_over() {
        MunicipalityPages.DecisionRow over = row(0, 2, 0);
        assertThat(over.settledPercent()).isEqualTo(100);
        assertThat(over.remainingPercent()).isZero();
        assertThat(over.over()).isEqualTo(2);
        assertThat(over.barText()).isEqualTo("Bosatt 2, foreslått 0, gjenstår 0 av 0 plasser, 2 over vedtaket");
        MunicipalityPages.DecisionRow none = row(0, 0, 0);
        assertThat(none.settledPercent() + none.proposedPercent() + none.remainingPercent()).isZero();
    }

    @Test
    void municipality_numbers_are_split_on_commas_and_spaces_once_each() {
        assertThat(MunicipalityPages.municipalities(" 5001, 4601;0301 5001 ")).containsExactly("5001", "4601", "0301");
        assertThat(MunicipalityPages.municipalities("")).isEmpty();
        assertThat(MunicipalityPages.municipalities(null)).isEmpty();
    }

    @Test
    void without_typed_numbers_every_listed_decision_is_a_row_and_typed_numbers_narrow_the_list() {
        MunicipalityPages.DecisionRow trondheim = row(10, 2, 1);
        MunicipalityPages.DecisionRow bergen = new MunicipalityPages.DecisionRow("4601", "Bergen", 2026, 20, 0, 0, 20, 0, 0,
                0, 0, "2026-01-11", null);
        List<MunicipalityPages.DecisionRow> listed = List.of(bergen, trondheim);
        assertThat(MunicipalityPages.rows(listed, List.of(), 2026)).containsExactly(bergen, trondheim);
        assertThat(MunicipalityPages.rows(List.of(), List.of(), 2026)).isEmpty();

        List<MunicipalityPages.DecisionRow> narrowed = MunicipalityPages.rows(listed,
                MunicipalityPages.municipalities("5001 0301"), 2026);
        assertThat(narrowed).hasSize(2);
        assertThat(narrowed.get(0)).isEqualTo(trondheim);
        assertThat(narrowed.get(1).municipality()).isEqualTo("0301");
        assertThat(narrowed.get(1).message()).isEqualTo("Ingen vedtak om bosetting for 2026.");
    }

    @Test
    void per_mille_is_printed_as_percent_with_a_decimal_comma() {
        assertThat(Views.permille(125)).isEqualTo("12,5 %");
        assertThat(Views.permille(1000)).isEqualTo("100 %");
        assertThat(Views.permille(0)).isEqualTo("0 %");
    }
}
