package no.nystart.portal.domain;

import java.util.Map;

/**
 * The services answer in English problem+json with a field and a rule code; the user reads bokmål.
 * Known rules get a message of their own; an unknown rule still names the field in Norwegian and keeps the
 * service's own explanation, so nothing the service said is lost.
 */
public final class Messages {

    /** A message at one field of a form. */
    public record FieldError(String field, String rule, String message) {
        /** The field's Norwegian name. */
        public String label() {
            return Messages.label(field);
        }
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("dufNumber", "DUF-nummer"),
            Map.entry("firstName", "Fornavn"),
            Map.entry("lastName", "Etternavn"),
            Map.entry("birthDate", "Fødselsdato"),
            Map.entry("sex", "Kjønn"),
            Map.entry("citizenship", "Statsborgerskap"),
            Map.entry("receptionCentreId", "Mottak"),
            Map.entry("registeredOn", "Ankomstdato"),
            Map.entry("asylumProcedure", "Asylprosedyre"),
            Map.entry("module", "Modul"),
            Map.entry("date", "Dato"),
            Map.entry("hours", "Timer"),
            Map.entry("reason", "Grunn"),
            Map.entry("grantedOn", "Innvilget dato"),
            Map.entry("permitType", "Tillatelse"),
            Map.entry("decisionDate", "Vedtaksdato"),
            Map.entry("municipality", "Kommune"),
            Map.entry("settledOn", "Bosettingsdato"),
            Map.entry("settlementType", "Bosettingsmåte"),
            Map.entry("year", "År"),
            Map.entry("overrideReason", "Begrunnelse for overstyring"),
            Map.entry("caseId", "Saken"),
            Map.entry("personId", "Personen"),
            Map.entry("closedOn", "Dato"),
            Map.entry("note", "Merknad"),
            Map.entry("toMunicipality", "Ny kommune"),
            Map.entry("movedOn", "Flyttedato"),
            Map.entry("relocationType", "Flyttemåte"),
            Map.entry("mappedOn", "Kartleggingsdato"),
            Map.entry("educationLevel", "Høyeste fullførte utdanning"),
            Map.entry("educationYears", "År med utdanning"),
            Map.entry("languages", "Språk"),
            Map.entry("languagesLanguageCode", "Språkkode"),
            Map.entry("languagesProficiency", "Nivå"),
            Map.entry("workExperience", "Arbeidserfaring"),
            Map.entry("workExperienceStyrkCode", "Yrkeskode (STYRK-08)"),
            Map.entry("workExperienceYears", "År i yrket"),
            Map.entry("otherCompetence", "Annen kompetanse"),
            Map.entry("completedOn", "Dato for veiledningen"),
            Map.entry("county", "Fylke"));

    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("duf-number.format", "DUF-nummeret må være 12 siffer."),
            Map.entry("duf-number.year", "DUF-nummeret begynner med året for første søknad, fra 1980 til i år."),
            Map.entry("citizenship.iso3166-alpha3", "Skriv landkoden med tre store bokstaver (ISO 3166-1 alpha-3), for eksempel ERI."),
            Map.entry("training-session.hours-range", "Timer må være mer enn 0 og høyst 8 på én dag."),
            Map.entry("training-session.hours-precision", "Timer kan ha høyst to desimaler."),
            Map.entry("training-session.before-registration",
                    "Datoen er før personen ble registrert i mottaket. Timer kan registreres fra ankomstdatoen til i dag."),
            Map.entry("date.not-in-future", "Datoen kan ikke være etter i dag."),
            Map.entry("training-session.after-leaving", "Datoen er etter at personen flyttet ut av mottaket."),
            Map.entry("training-session.max-hours-per-day", "Med disse timene blir det mer enn 8 timer på samme dag."),
            Map.entry("mandatory-training.no-duty", "Personen har ikke plikt til opplæring i mottak på denne datoen."),
            Map.entry("mandatory-training.module-not-in-regime", "Modulen hører ikke til opplæringen personen har plikt til."),
            Map.entry("mandatory-training.exempt", "Personen har fritak fra denne modulen."),
            Map.entry("mandatory-training.already-completed", "Modulen er allerede fullført."),
            Map.entry("kommunenummer.format", "Kommunenummeret er fire siffer, for eksempel 0301."),
            Map.entry("kommunenummer.unknown", "Ingen kommune har dette kommunenummeret."),
            Map.entry("settlement.capacity", "Kommunens vedtak om bosetting for året har ikke plass til hele husstanden. "
                    + "Velg en annen kommune, eller skriv en begrunnelse for å bosette likevel."),
            Map.entry("settlement.capacity-unaccompanied-minors", "Kommunens vedtak har ikke plass til flere enslige "
                    + "mindreårige i år. Velg en annen kommune, eller skriv en begrunnelse for å bosette likevel."),
            Map.entry("settlement.date-before-permit",
                    "Bosettingsdatoen kan ikke være før oppholdstillatelsen til noen i husstanden."),
            Map.entry("settlement.date-not-future", "Bosettingsdatoen kan ikke være etter i dag."),
            Map.entry("settlement.permit-required", "Noen i husstanden har ikke fått oppholdstillatelse ennå."),
            Map.entry("settlement.once", "Husstanden er allerede bosatt."),
            Map.entry("settlement.case-closed", "Saken er avsluttet og kan ikke bosettes."),
            Map.entry("settlement.override-reason", "Skriv en begrunnelse (høyst 1000 tegn)."),
            Map.entry("relocation.settled-only", "Bare en bosatt person kan registreres som flyttet."),
            Map.entry("relocation.same-municipality", "Personen bor allerede i denne kommunen."),
            Map.entry("relocation.after-settlement", "Flyttedatoen kan ikke være før bosettingen eller forrige flytting."),
            Map.entry("relocation.date-not-future", "Flyttedatoen kan ikke være etter i dag."),
            Map.entry("case.settled", "Saken er bosatt; en flytting registreres som flytting, ikke ved å avslutte saken."),
            Map.entry("case.closed", "Saken er allerede avsluttet."),
            Map.entry("case.closed-on-not-future", "Datoen kan ikke være etter i dag."),
            Map.entry("case.closed-on-after-opening", "Datoen kan ikke være før saken ble opprettet."),
            Map.entry("case.close-note-required", "Skriv en merknad når grunnen er «Annet»."),
            Map.entry("settlement.required", "Må fylles ut."),
            Map.entry("relocation.required", "Må fylles ut."),
            Map.entry("case.close-required", "Må fylles ut."),
            Map.entry("iso639-3.format", "Skriv språkkoden med tre små bokstaver (ISO 639-3), for eksempel tir for tigrinja."),
            Map.entry("styrk-08.format", "Yrkeskoden (STYRK-08) er fire siffer, for eksempel 5120."),
            Map.entry("competence-mapping.before-permit",
                    "Kartleggingsdatoen kan ikke være før vedtaket om oppholdstillatelse (integreringsloven § 6)."),
            Map.entry("integreringsloven-6.languages", "Kartleggingen må ha med minst ett språk (integreringsloven § 6)."),
            Map.entry("integreringsloven-6.no-permit",
                    "Personen har ikke fått oppholdstillatelse; kompetansekartlegging kommer etter vedtaket (integreringsloven § 6)."),
            Map.entry("integreringsloven-6.once", "Personen er allerede kompetansekartlagt (integreringsloven § 6)."),
            Map.entry("integreringsloven-6.left-reception",
                    "Personen har flyttet ut av mottaket; kartleggingen gjøres da av kommunen."),
            Map.entry("competence-mapping.duplicate-language", "Språket står to ganger."),
            Map.entry("competence-mapping.duplicate-occupation", "Yrkeskoden står to ganger."),
            Map.entry("competence-mapping.education-years-plausible", "Flere år med utdanning enn alderen gir rom for."),
            Map.entry("integreringsloven-11.no-competence-mapping",
                    "Karriereveiledning bygger på kompetansekartleggingen, og den er ikke registrert ennå (integreringsloven § 11)."),
            Map.entry("career-guidance.before-mapping", "Veiledningen kan ikke være før kompetansekartleggingen."),
            Map.entry("career-guidance.once", "Karriereveiledningen er allerede registrert."),
            Map.entry("fylkesnummer.format", "Fylkesnummeret er to siffer, for eksempel 46."),
            Map.entry("fylkesnummer.unknown", "Ingen fylke har dette fylkesnummeret."),
            Map.entry("not-null", "Må fylles ut."),
            Map.entry("not-blank", "Må fylles ut."),
            Map.entry("min", "Tallet er for lite."),
            Map.entry("max", "Tallet er for stort."),
            Map.entry("size", "For lang."),
            Map.entry("json.type", "Verdien har feil format."),
            Map.entry("json.enum", "Verdien er ikke en av de tillatte verdiene."));

    private Messages() {
    }

    /** The Norwegian label of a field the services name (the field name itself when unknown). */
    public static String label(String field) {
        java.util.regex.Matcher row = ROW.matcher(field);
        if (row.matches()) {
            String base = FIELDS.getOrDefault(flat(row.group(1) + "." + row.group(3)), field);
            return base + " (rad " + (Integer.parseInt(row.group(2)) + 1) + ")";
        }
        return FIELDS.getOrDefault(flat(field), field);
    }

    /** A field of one element of a list: {@code languages[0].languageCode}. */
    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("(\\w+)\\[(\\d+)\\]\\.(\\w+)");

    /** A nested property path as the form's flat field name: {@code a.b} → {@code aB}. */
    static String flat(String field) {
        StringBuilder b = new StringBuilder(field.length());
        boolean upper = false;
        for (char ch : field.toCharArray()) {
            if (ch == '.') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return b.toString();
    }

    public static FieldError field(String field, String rule, String serviceMessage) {
        String known = RULES.get(rule);
        String text = known != null ? known
                : "Regelen «" + rule + "» er ikke oppfylt" + (serviceMessage.isBlank() ? "." : " (" + serviceMessage + ").");
        return new FieldError(field, rule, text);
    }

    /** Whether the rule has a Norwegian message of its own. */
    public static boolean known(String rule) {
        return RULES.containsKey(rule);
    }

    /**
     * The message for the page as a whole, by status, with the service's explanation when no named rule has a
     * message of its own (so an unknown rule's reason is not lost).
     */
    public static String page(int status, String detail, java.util.List<FieldError> fields) {
        boolean allKnown = !fields.isEmpty() && fields.stream().allMatch(f -> known(f.rule()));
        return page(status, allKnown ? "" : detail);
    }

    /** The message for the page as a whole, by status. */
    public static String page(int status, String detail) {
        String base = switch (status) {
            case 400 -> "Noen av feltene er ikke riktig utfylt. Se meldingene ved feltene.";
            case 403 -> "Rollen din gir ikke tilgang til dette.";
            case 404 -> "Fant ikke det du ba om. Det kan være slettet, eller du har ikke tilgang til det.";
            case 409 -> "Det du prøvde å gjøre, passer ikke med hvordan saken står nå.";
            case 422 -> "Dette bryter en regel, så det ble ikke lagret.";
            default -> "Tjenesten avviste forespørselen (status " + status + ").";
        };
        return detail.isBlank() || status == 403 || status == 404 ? base : base + " Begrunnelse fra tjenesten: " + detail;
    }
}
