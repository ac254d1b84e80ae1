package no.nystart.contracts.grants;

/** Why a grant claim was reversed; a correction is a reversal plus a new claim. */
public enum ReversalReason {
    /** The claim was wrong (data or rate corrected). */
    CORRECTION,
    /** The person moved; the claim is split between municipalities (docs/domain/grants.md#5b). */
    RELOCATION_SPLIT,
    /** The person left the target group (e.g. emigrated). */
    LEFT_TARGET_GROUP,
    /** The claim was registered twice. */
    DUPLICATE,
    /** Any other reason. */
    OTHER
}
