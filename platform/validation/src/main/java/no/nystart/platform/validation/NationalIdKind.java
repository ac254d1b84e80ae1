package no.nystart.platform.validation;

/** The kind of national identity number (docs/domain/identifiers.md#7a). */
public enum NationalIdKind {
    /** Fødselsnummer: first digit 0–3 (the day of birth as is). */
    FODSELSNUMMER,
    /**
     * D-nummer: the first digit has 4 added (4–7), e.g. born 01.01.1970 gives 410170… (docs/domain/identifiers.md#7a, citing
     * altinnett.brreg.no "D-nummer" and udi.no "D-nummer stemmer ikke med fødselsdato"). If no number was free for the
     * birth date, the registration date may have been used instead, so the date is not always the real birth date.
     */
    D_NUMMER
}
