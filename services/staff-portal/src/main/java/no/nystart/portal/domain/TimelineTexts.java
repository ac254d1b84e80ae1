package no.nystart.portal.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bokmål texts of the timeline: a label for every kind the services deliver, and the names of the figures shown
 * with a line. The services send stable codes and neutral data; the words are the portal's.
 */
public final class TimelineTexts {
    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    static {
        // reception-training
        LABELS.put("ARRIVAL_REGISTERED", "Ankomst registrert i mottak");
        LABELS.put("TRAINING_DUTY", "Plikt til opplæring i mottak");
        LABELS.put("NO_TRAINING_DUTY", "Ingen plikt til opplæring i mottak");
        LABELS.put("TRAINING_HOURS", "Opplæringstimer");
        LABELS.put("TRAINING_EXEMPTION", "Fritak fra opplæring i mottak");
        LABELS.put("TRAINING_COMPLETED", "Opplæringsmodul fullført");
        LABELS.put("PERMIT_GRANTED", "Oppholdstillatelse gitt");
        LABELS.put("COMPETENCE_MAPPED", "Kompetansekartlagt");
        LABELS.put("CAREER_GUIDANCE", "Karriereveiledning gjennomført");
        LABELS.put("LEFT_RECEPTION", "Flyttet ut av mottaket");
        // settlement
        LABELS.put("SETTLEMENT_CASE_OPENED", "Bosettingssak opprettet");
        LABELS.put("READY_FOR_SETTLEMENT", "Klar for bosetting");
        LABELS.put("PROPOSED", "Foreslått for bosetting");
        LABELS.put("SETTLED", "Bosatt");
        LABELS.put("RELOCATED", "Flyttet til en annen kommune");
        LABELS.put("SETTLEMENT_CASE_CLOSED", "Bosettingssak avsluttet");
        LABELS.put("SETTLEMENT_TIME_TARGET", "Mål for tid fra tillatelse til bosetting");
        // introduction-programme
        LABELS.put("PROGRAMME_TARGET_GROUP", "I målgruppen for introduksjonsprogram");
        LABELS.put("PROGRAMME_ADMITTED", "Tatt inn i introduksjonsprogram etter vedtak");
        LABELS.put("PROGRAMME_DECIDED", "Vedtak om introduksjonsprogram");
        LABELS.put("PROGRAMME_STARTED", "Introduksjonsprogram startet");
        LABELS.put("PLAN_AGREED", "Integreringsplan og integreringskontrakt avtalt");
        LABELS.put("ATTENDANCE_MONTH", "Oppmøte i måneden");
        LABELS.put("BENEFIT_MONTH", "Introduksjonsstønad for måneden");
        LABELS.put("PROGRAMME_PAUSED", "Permisjon eller midlertidig stans");
        LABELS.put("PROGRAMME_RESUMED", "Programmet gjenopptatt");
        LABELS.put("PROGRAMME_COMPLETED", "Introduksjonsprogram fullført");
        LABELS.put("PROGRAMME_DISCONTINUED", "Introduksjonsprogram avsluttet før tiden");
        LABELS.put("PROGRAMME_START_DEADLINE", "Frist for å starte introduksjonsprogram");
        LABELS.put("PROGRAMME_END", "Planlagt slutt på introduksjonsprogrammet");
        // adult-education
        LABELS.put("LEARNER_RIGHTS", "Rett og/eller plikt til opplæring i norsk og samfunnskunnskap");
        LABELS.put("INTRODUCTION_PROGRAMME_KNOWN", "Start i introduksjonsprogram kjent");
        LABELS.put("APPROVED_LEAVE", "Godkjent permisjon fra opplæringen");
        LABELS.put("ENROLLED", "Meldt på kurs");
        LABELS.put("COURSE_COMPLETED", "Kurs fullført");
        LABELS.put("TEST_RESULT", "Prøveresultat");
        LABELS.put("EXEMPTION", "Fritak fra opplæring");
        LABELS.put("NORWEGIAN_GOAL_REACHED", "Målet for norskopplæringen nådd");
        LABELS.put("SOCIAL_STUDIES_PASSED", "Prøve i samfunnskunnskap bestått");
        LABELS.put("NORWEGIAN_TRAINING_DEADLINE", "Frist for opplæring i norsk og samfunnskunnskap");
        // grant-accounting
        LABELS.put("GRANT_BASIS", "Grunnlag for integreringstilskudd");
        LABELS.put("GRANT_CLAIM", "Tilskudd krevd");
        LABELS.put("GRANT_REVERSAL", "Tilskudd tilbakeført");

        FIGURES.put("municipality", "kommune");
        FIGURES.put("hostMunicipality", "vertskommune");
        FIGURES.put("settlementMunicipality", "bosettingskommune");
        FIGURES.put("fromMunicipality", "fra kommune");
        FIGURES.put("toMunicipality", "til kommune");
        FIGURES.put("module", "modul");
        FIGURES.put("course", "kurs");
        FIGURES.put("month", "måned");
        FIGURES.put("hours", "timer");
        FIGURES.put("sessions", "økter");
        FIGURES.put("permitType", "tillatelse");
        FIGURES.put("educationLevel", "utdanning");
        FIGURES.put("educationYears", "år med utdanning");
        FIGURES.put("county", "fylke");
        FIGURES.put("reason", "årsak");
        FIGURES.put("arrivalRoute", "ankomstvei");
        FIGURES.put("settlementType", "bosettingstype");
        FIGURES.put("daysFromPermit", "dager fra tillatelse");
        FIGURES.put("year", "år");
        FIGURES.put("startDate", "start");
        FIGURES.put("plannedEndDate", "planlagt slutt");
        FIGURES.put("finalGoal", "sluttmål");
        FIGURES.put("plannedHours", "planlagte timer");
        FIGURES.put("attendedHours", "timer møtt");
        FIGURES.put("unexcusedHours", "timer ugyldig fravær");
        FIGURES.put("grossKroner", "brutto kr");
        FIGURES.put("reductionKroner", "trekk kr");
        FIGURES.put("netKroner", "netto kr");
        FIGURES.put("entitlement", "rett/plikt");
        FIGURES.put("trainingDeadline", "frist");
        FIGURES.put("testType", "prøve");
        FIGURES.put("reading", "lesing");
        FIGURES.put("listening", "lytting");
        FIGURES.put("writing", "skriving");
        FIGURES.put("oral", "muntlig");
        FIGURES.put("passed", "bestått");
        FIGURES.put("inTargetGroup", "i målgruppen");
        FIGURES.put("grantCode", "tilskuddskode");
        FIGURES.put("grantYear", "tilskuddsår");
        FIGURES.put("budgetYear", "budsjettår");
        FIGURES.put("payoutQuarter", "utbetalingskvartal");
        FIGURES.put("amountNok", "beløp kr");
    }

    private TimelineTexts() {
    }

    /** The bokmål label of a kind; an unknown kind (a newer service) shows its own code. */
    public static String label(String kind, String fallback) {
        String label = LABELS.get(kind);
        return label != null ? label : (fallback != null ? fallback : kind);
    }

    public static boolean known(String kind) {
        return LABELS.containsKey(kind);
    }

    /** The figures a line shows, in bokmål ("kommune 4601 · timer 7.5"); figures without a name are not shown. */
    public static String details(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        details.forEach((key, value) -> {
            String name = FIGURES.get(key);
            if (name != null && value != null && !(value instanceof Map<?, ?>)) {
                parts.add(name + " " + (value instanceof Boolean b ? (b ? "ja" : "nei") : CodeTexts.text(key, value)));
            }
        });
        return String.join(" · ", parts);
    }
}
