package no.nystart.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The person timeline merges what the five services delivered; a refused or silent service is a note, not an error. */
class TimelineTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void entries_of_all_services_come_in_one_date_order_with_service_rule_and_bokmal_label() {
        Timeline.Delivered reception = new Timeline.Delivered("Mottak og opplæring", List.of(
                new Timeline.Entry(LocalDate.of(2026, 1, 10), null, "ARRIVAL_REGISTERED", "registered", null,
                        Map.of("hostMunicipality", "3301")),
                new Timeline.Entry(LocalDate.of(2026, 5, 2), null, "PERMIT_GRANTED", "permit", "utlendingsloven § 28", Map.of())),
                List.of());
        Timeline.Delivered intro = new Timeline.Delivered("Introduksjonsprogram", List.of(
                new Timeline.Entry(LocalDate.of(2026, 9, 1), OffsetDateTime.of(2026, 9, 1, 9, 0, 0, 0, ZoneOffset.UTC),
                        "PROGRAMME_DECIDED", "decided", "integreringsloven § 12", Map.of("finalGoal", "EMPLOYMENT"))),
                List.of(new Timeline.Due(LocalDate.of(2028, 8, 31), "PROGRAMME_END", "integreringsloven § 13"),
                        new Timeline.Due(LocalDate.of(2026, 11, 1), "PROGRAMME_START_DEADLINE", "integreringsloven § 12")));
        Timeline.Delivered settlement = new Timeline.Delivered("Bosetting", List.of(
                new Timeline.Entry(LocalDate.of(2026, 6, 15), null, "SETTLED", "settled", "integreringsloven § 4",
                        Map.of("municipality", "4601", "daysFromPermit", 44))), List.of());

        Timeline.Merged merged = Timeline.merge(List.of(intro, settlement, reception), TODAY);

        assertThat(merged.lines()).extracting(Timeline.Line::kind)
                .containsExactly("ARRIVAL_REGISTERED", "PERMIT_GRANTED", "SETTLED", "PROGRAMME_DECIDED");
        assertThat(merged.lines().get(2).label()).isEqualTo("Bosatt");
        assertThat(merged.lines().get(2).serviceLabel()).isEqualTo("Bosetting");
        assertThat(merged.lines().get(2).rule()).isEqualTo("integreringsloven § 4");
        assertThat(merged.lines().get(2).details()).contains("kommune 4601").contains("dager fra tillatelse 44");
        // a passed deadline is not shown; the one ahead counts its days
        assertThat(merged.deadlines()).extracting(Timeline.Deadline::label)
                .containsExactly("Planlagt slutt på introduksjonsprogrammet");
        assertThat(merged.deadlines().get(0).daysLeft()).isEqualTo(636);
        assertThat(merged.notes()).isEmpty();
        assertThat(merged.servicesDelivered()).isEqualTo(3);
    }

    @Test
    void a_refused_or_silent_service_is_left_out_with_a_note_naming_it() {
        Timeline.Merged merged = Timeline.merge(List.of(
                new Timeline.Delivered("Mottak og opplæring", List.of(new Timeline.Entry(LocalDate.of(2026, 1, 10), null,
                        "ARRIVAL_REGISTERED", "registered", null, Map.of())), List.of()),
                new Timeline.Refused("Bosetting", 403),
                new Timeline.Refused("Voksenopplæring", 404),
                new Timeline.Unavailable("Tilskudd")), TODAY);

        assertThat(merged.lines()).hasSize(1);
        assertThat(merged.notes()).hasSize(3);
        assertThat(merged.notes().get(0)).startsWith("Bosetting:").contains("ikke tilgang");
        assertThat(merged.notes().get(1)).startsWith("Voksenopplæring:").contains("ingen opplysninger");
        assertThat(merged.notes().get(2)).startsWith("Tilskudd").contains("svarte ikke");
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    @Test
    void an_unknown_kind_shows_the_service_s_summary_and_unnamed_figures_are_not_shown() {
        Timeline.Merged merged = Timeline.merge(List.of(new Timeline.Delivered("Tilskudd", List.of(
                new Timeline.Entry(LocalDate.of(2026, 2, 2), null, "SOMETHING_NEW", "something new", null,
                        ordered("secretInternalCode", "x", "amountNok", 200000, "inTargetGroup", true))), List.of())), TODAY);

        assertThat(merged.lines().get(0).label()).isEqualTo("something new");
        assertThat(merged.lines().get(0).details()).isEqualTo("beløp kr 200000 · i målgruppen ja")
                .doesNotContain("secretInternalCode");
        assertThat(TimelineTexts.known("SETTLED")).isTrue();
    }
}
