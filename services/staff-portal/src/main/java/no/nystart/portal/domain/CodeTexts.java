package no.nystart.portal.domain;

import java.util.Map;

/**
 * The bokmål text of the enumeration values the services send (a permit type, an education level, a module, an
 * entitlement …), per field name as the services' JSON calls it. A value this table does not know (a newer service)
 * is shown as sent, so nothing is hidden.
 */
public final class CodeTexts {
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "permitType", Map.of(
                    "REFUGEE", "Flyktning",
                    "RESETTLEMENT", "Overføringsflyktning",
                    "HUMANITARIAN", "Sterke menneskelige hensyn",
                    "COLLECTIVE_PROTECTION", "Kollektiv beskyttelse",
                    "FAMILY_REUNIFICATION", "Familiegjenforening",
                    "FAMILY_MEMBER_OF_CHILD_FAMILY", "Familiemedlem i barnefamilie",
                    "OTHER", "Annet"),
            "educationLevel", Map.of(
                    "NO_COMPLETED_PRIMARY", "ikke fullført grunnskole",
                    "PRIMARY", "grunnskole",
                    "UPPER_SECONDARY", "videregående opplæring",
                    "HIGHER", "høyere utdanning"),
            "module", Map.of(
                    "NORWEGIAN", "Norsk",
                    "SOCIAL_STUDIES", "Samfunnskunnskap",
                    "CULTURE_AND_VALUES", "Norsk kultur og norske verdier"),
            "course", Map.of(
                    "NORWEGIAN", "norsk",
                    "SOCIAL_STUDIES", "samfunnskunnskap",
                    "PRIMARY_FOR_ADULTS", "grunnskole for voksne",
                    "UPPER_SECONDARY_FOR_ADULTS", "videregående for voksne"),
            "entitlement", Map.of(
                    "RIGHT_AND_DUTY", "rett og plikt",
                    "DUTY_ONLY", "plikt",
                    "RIGHT_ONLY", "rett"),
            "arrivalRoute", Map.of(
                    "ASYLUM", "asyl",
                    "RESETTLEMENT_QUOTA", "overføringskvote",
                    "FAMILY_REUNIFICATION", "familiegjenforening"),
            "settlementType", Map.of(
                    "BY_AGREEMENT", "etter avtale",
                    "SELF_SETTLED_BY_AGREEMENT", "selvbosatt etter avtale",
                    "SELF_SETTLED", "selvbosatt"),
            "finalGoal", Map.of(
                    "EMPLOYMENT", "arbeid",
                    "UPPER_SECONDARY_COMPLETED", "fullført videregående",
                    "PRIMARY_COMPLETED", "fullført grunnskole",
                    "HIGHER_EDUCATION", "høyere utdanning",
                    "OTHER", "annet"));

    private CodeTexts() {
    }

    /** The bokmål text of {@code value} in {@code field}; the value itself where none is known. */
    public static String text(String field, Object value) {
        if (value == null) {
            return "";
        }
        String code = String.valueOf(value);
        return TEXTS.getOrDefault(field, Map.of()).getOrDefault(code, code);
    }
}
