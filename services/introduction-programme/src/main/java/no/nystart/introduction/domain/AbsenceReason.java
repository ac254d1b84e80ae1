package no.nystart.introduction.domain;

/**
 * Why a participant was absent (integreringsforskriften kap. 3–4, docs/domain/introduction-programme.md#3e; § 21, docs/domain/introduction-programme.md#3g).
 * Only {@link #UNEXCUSED} reduces the benefit: absence not due to illness or compelling welfare reasons
 * and not permitted.
 */
public enum AbsenceReason {
    ILLNESS, SICK_CHILD, WELFARE, PERMITTED_LEAVE, UNEXCUSED
}
