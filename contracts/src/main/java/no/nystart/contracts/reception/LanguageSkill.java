package no.nystart.contracts.reception;

/**
 * One language a person knows, as recorded at competence mapping.
 *
 * @param languageCode ISO 639-3 language code, lower case (e.g. tir, ara, eng).
 * @param proficiency  Proficiency in the language.
 */
public record LanguageSkill(
        String languageCode,
        LanguageProficiency proficiency) {
}
