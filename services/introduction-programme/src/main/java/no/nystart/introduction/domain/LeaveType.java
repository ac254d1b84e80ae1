package no.nystart.introduction.domain;

/**
 * Leave (permisjon) from the programme, integreringsforskriften kap. 4 (docs/domain/introduction-programme.md#3e). The default
 * limits are in {@link PauseRules.LeaveLimits#defaults()} and are configuration.
 */
public enum LeaveType {
    /** Pregnancy, forskrift § 11: up to 10 working days, with benefit. */
    PREGNANCY,
    /** Mother after birth, forskrift § 12: 20 working days, with benefit. */
    BIRTH_MOTHER,
    /** Father after birth (cohabiting), forskrift § 12: 7 working days, with benefit. */
    BIRTH_FATHER,
    /** Care leave in the child's first year: up to 10 months combined ([O] introloven-era guidance), without benefit. */
    CARE,
    /** Long-term illness with medical certificate: up to 1 year without benefit ([O] docs/domain/introduction-programme.md#3e). */
    LONG_ILLNESS,
    /** Welfare leave: municipal practice, 12 working days a year ([S] docs/domain/introduction-programme.md#3e), with benefit. */
    WELFARE
}
