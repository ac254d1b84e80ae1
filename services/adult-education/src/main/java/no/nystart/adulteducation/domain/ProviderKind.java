package no.nystart.adulteducation.domain;

/** Training providers (docs/domain/adult-education.md#4e). */
public enum ProviderKind {
    /** Municipal adult-education centre: approved as such. */
    MUNICIPAL,
    /** Private provider approved by HK-dir for a period of at most 3 years. */
    PRIVATE
}
