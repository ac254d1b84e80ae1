package no.nystart.grants.domain;

/**
 * The rate group of the Norwegian-training person grant by country background (docs/domain/grants.md#5f, IMDi "Norsktilskudd"):
 * HIGH for Africa, Asia, Oceania except Australia/New Zealand, Eastern Europe, South and Central America; LOW for
 * Western Europe, North America, Australia and New Zealand. Which country is in which group is data
 * ({@code country_rate_group}); an unlisted country gets the configured default.
 */
public enum RateGroup {
    HIGH("H"),
    LOW("L");

    private final String suffix;

    RateGroup(String suffix) {
        this.suffix = suffix;
    }

    /** The letter of the grant code: P-AR1-H, P-AR1-L (docs/domain/grants.md#5a). */
    public String suffix() {
        return suffix;
    }
}
