package no.nystart.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of Java's lexical structure for these checks: string literals with their position (comments, char
 * literals and text blocks skipped), and the matching closing brace of an opening one.
 */
final class JavaText {

    record Literal(int start, int end, String value) {
    }

    private JavaText() {
    }

    /** Every ordinary string literal outside comments; {@code start} is the opening quote, {@code end} after the closing one. */
    static List<Literal> stringLiterals(String src) {
        List<Literal> literals = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                i = lineEnd(src, i);
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int close = src.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int close = src.indexOf("\"\"\"", i + 3);
                while (close > 0 && src.charAt(close - 1) == '\\') {
                    close = src.indexOf("\"\"\"", close + 1);
                }
                i = close < 0 ? n : close + 3;
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder value = new StringBuilder();
                while (j < n && src.charAt(j) != '"' && src.charAt(j) != '\n') {
                    if (src.charAt(j) == '\\' && j + 1 < n) {
                        value.append(src, j, j + 2);
                        j += 2;
                    } else {
                        value.append(src.charAt(j));
                        j++;
                    }
                }
                literals.add(new Literal(i, Math.min(j + 1, n), value.toString()));
                i = j + 1;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != '\'' && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** The index after the brace that closes the one at {@code open}, skipping strings, chars and comments. */
    static int afterMatchingBrace(String src, int open) {
        int depth = 0;
        int i = open;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                i = lineEnd(src, i);
                continue;
            }
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int close = src.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            }
            if (src.startsWith("\"\"\"", i)) {
                int close = src.indexOf("\"\"\"", i + 3);
                i = close < 0 ? n : close + 3;
                continue;
            }
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return n;
    }

    private static int lineEnd(String src, int from) {
        int nl = src.indexOf('\n', from);
        return nl < 0 ? src.length() : nl;
    }
}
