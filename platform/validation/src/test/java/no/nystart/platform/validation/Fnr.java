package no.nystart.platform.validation;

/**
 * Test-side generator of national identity numbers, written independently of {@link NationalId} from docs/domain/identifiers.md#7a:
 * K1 weights 3,7,6,1,8,9,4,5,2; K2 weights 5,4,3,2,7,6,5,4,3,2; k = 11 − (sum mod 11), 11 → 0, 10 → no number.
 */
final class Fnr {
    private static final String W1 = "376189452";
    private static final String W2 = "5432765432";

    private Fnr() {
    }

    /** Dot product of the first {@code weights.length()} digits of {@code digits} with {@code weights}. */
    static int dot(CharSequence digits, String weights) {
        int s = 0;
        for (int i = 0; i < weights.length(); i++) {
            s += Character.digit(digits.charAt(i), 10) * Character.digit(weights.charAt(i), 10);
        }
        return s;
    }

    /** Classic check digit of the weighted sum: 0..9, or -1 when k = 10. */
    static int k(int sum) {
        int k = (11 - sum % 11) % 11;
        return k == 10 ? -1 : k;
    }

    /** The valid classic number for nine digits, or {@code null} if k1 or k2 is 10. */
    static String complete(String nine) {
        int k1 = k(dot(nine, W1));
        if (k1 < 0) {
            return null;
        }
        String ten = nine + k1;
        int k2 = k(dot(ten, W2));
        return k2 < 0 ? null : ten + k2;
    }

    /**
     * A number valid only under the 2032 rule: digit 10 chosen so that (K1-sum + digit 10) mod 11 == remainder,
     * digit 11 by the unchanged K2 rule; {@code null} when no digit gives that remainder or k2 is 10.
     */
    static String completeWithRemainder(String nine, int remainder) {
        int s = dot(nine, W1);
        for (int d10 = 0; d10 <= 9; d10++) {
            if ((s + d10) % 11 == remainder) {
                String ten = nine + d10;
                int k2 = k(dot(ten, W2));
                return k2 < 0 ? null : ten + k2;
            }
        }
        return null;
    }

    /** Nine digits whose classic k1 is 10 (sum mod 11 == 1). */
    static boolean k1IsTen(String nine) {
        return dot(nine, W1) % 11 == 1;
    }

    /** Ten digits whose classic k2 is 10. */
    static boolean k2IsTen(String ten) {
        return dot(ten, W2) % 11 == 1;
    }
}
