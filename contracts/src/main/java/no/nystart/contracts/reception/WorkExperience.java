package no.nystart.contracts.reception;

/**
 * Work experience in one occupation, as recorded at competence mapping.
 *
 * @param styrkCode STYRK-08 occupation code (four digits).
 * @param years     Whole years of experience in the occupation.
 */
public record WorkExperience(
        String styrkCode,
        int years) {
}
