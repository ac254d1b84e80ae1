package no.nystart.grants.domain;

/** Whole kroner, as {@code long}: never floating point. */
public final class Money {
    private Money() {
    }

    /**
     * Part {@code part} (1-based) of {@code amount} split into {@code parts} whole-kroner parts that sum exactly to
     * {@code amount}: each part is the quotient, the first {@code amount % parts} parts one krone more. The annual-run
     * SQL computes the same ({@code rate / parts + case when part <= rate % parts then 1 else 0 end}).
     */
    public static long part(long amount, int part, int parts) {
        if (amount < 0 || parts < 1 || part < 1 || part > parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts + " of " + amount);
        }
        return amount / parts + (part <= amount % parts ? 1 : 0);
    }

    /** {@code amount * numerator / denominator} rounded half up to whole kroner, in exact integer arithmetic. */
    public static long share(long amount, int numerator, int denominator) {
        if (amount < 0 || numerator < 0 || denominator < 1 || numerator > denominator) {
            throw new IllegalArgumentException(numerator + "/" + denominator + " of " + amount);
        }
        return Math.addExact(Math.multiplyExact(amount, numerator * 2L), denominator) / (denominator * 2L);
    }
}
