package no.nystart.settlement.domain.matching;

/**
 * Weights of the score (docs/services/settlement.md). Whole numbers; each multiplies a per-mille figure per person.
 *
 * @param placement  reward per person placed at all (keeps "settle as many as the room allows" first)
 * @param fit        competence fit with the municipality's labour demand
 * @param programme  the municipality's introduction-programme result rate
 * @param spread     1 − immigrant share (the penalty for a high immigrant share, docs/domain/settlement.md#2, Oct 2025 criteria)
 */
public record Weights(int placement, int fit, int programme, int spread) {
    public static final Weights DEFAULT = new Weights(10, 5, 3, 2);

    public Weights {
        if (placement < 0 || fit < 0 || programme < 0 || spread < 0) {
            throw new IllegalArgumentException("weights are non-negative");
        }
    }
}
