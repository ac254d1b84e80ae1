package no.nystart.contracts.grants;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An IMDi grant code (docs/domain/grants.md#5a). Codes prefixed NYSTART- are NyStart's own for schemes without a published code. */
public enum GrantCode {
    /** Integration grant year 1, adult in a family. */
    @JsonProperty("AR-1")
    AR_1,
    /** Integration grant year 1, single adult. */
    @JsonProperty("AR-1 EV")
    AR_1_EV,
    /** Integration grant year 1, child. */
    @JsonProperty("AR-1 B")
    AR_1_B,
    /** Elderly grant, one-off, 60 or older at settlement. */
    ELDR,
    /** Kindergarten grant, one-off, children 0-5. */
    BHT,
    /** Integration grant year 2. */
    @JsonProperty("AR-2")
    AR_2,
    /** Integration grant year 3. */
    @JsonProperty("AR-3")
    AR_3,
    /** Integration grant year 4. */
    @JsonProperty("AR-4")
    AR_4,
    /** Integration grant year 5. */
    @JsonProperty("AR-5")
    AR_5,
    /** Special grant for unaccompanied minors, up to the year turning 16. */
    EMINB,
    /** Special grant for unaccompanied minors, 17 to the year turning 20. */
    EMINU,
    /** Extra grant for disability or behavioural problems, grant 1 (one-off). */
    FHT1,
    /** Extra grant for disability or behavioural problems, grant 2 (annual). */
    FHT2,
    /** Norwegian-training person grant year 1, high rate. */
    @JsonProperty("P-AR1-H")
    P_AR1_H,
    /** Norwegian-training person grant year 2, high rate. */
    @JsonProperty("P-AR2-H")
    P_AR2_H,
    /** Norwegian-training person grant year 3, high rate. */
    @JsonProperty("P-AR3-H")
    P_AR3_H,
    /** Norwegian-training person grant year 1, low rate. */
    @JsonProperty("P-AR1-L")
    P_AR1_L,
    /** Norwegian-training person grant year 2, low rate. */
    @JsonProperty("P-AR2-L")
    P_AR2_L,
    /** Norwegian-training person grant year 3, low rate. */
    @JsonProperty("P-AR3-L")
    P_AR3_L,
    /** Norwegian-training person grant for collective protection, § 37 d. */
    @JsonProperty("P37D-AR1")
    P37D_AR1,
    /** Extended Norwegian training, integreringsforskriften § 43 g. */
    UN43G,
    /** Grant for Norwegian and social studies for asylum seekers in reception, once per person, to the host municipality. */
    @JsonProperty("NYSTART-MOTTAK-OPPL")
    RECEPTION_TRAINING,
    /** Grant for competence mapping in reception, Integration Act § 6. */
    @JsonProperty("NYSTART-MOTTAK-KART")
    COMPETENCE_MAPPING
}
