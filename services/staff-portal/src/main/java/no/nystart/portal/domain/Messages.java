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
            Map.entry("year", "År"));

    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("duf-number.format", "DUF-nummeret må være 12 siffer."),
            Map.entry("duf-number.year", "DUF-nummeret begynner med året for første søknad, fra 1980 til i år."),
            Map.entry("citizenship.iso3166-alpha3", "Skriv landkoden med tre store bokstaver (ISO 3166-1 alpha-3), for eksempel ERI."),
            Map.entry("training-session.hours-range", "Timer må være mer enn 0 og høyst 8 på én dag."),
            Map.entry("training-session.hours-precision", "Timer kan ha høyst to desimaler."),
            Map.entry("not-null", "Må fylles ut."),
            Map.entry("not-blank", "Må fylles ut."),
            Map.entry("size", "For lang."),
            Map.entry("json.type", "Verdien har feil format."),
            Map.entry("json.enum", "Verdien er ikke en av de tillatte verdiene."));

    private Messages() {
    }

    /** The Norwegian label of a field the services name (the field name itself when unknown). */
    public static String label(String field) {
        return FIELDS.getOrDefault(field, field);
    }

    public static FieldError field(String field, String rule, String serviceMessage) {
        String known = RULES.get(rule);
        String text = known != null ? known
                : "Regelen «" + rule + "» er ikke oppfylt" + (serviceMessage.isBlank() ? "." : " (" + serviceMessage + ").");
        return new FieldError(field, rule, text);
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
