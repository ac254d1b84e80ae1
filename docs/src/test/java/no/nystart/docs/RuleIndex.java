package no.nystart.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docs/rules.md}: read, and written by the generator. Two tables, one row per rule code: "Rules from law and
 * public guidance" (code, source, meaning, applied by, proved by) and "Technical rules" (the same without a source).
 */
final class RuleIndex {

    static final Path FILE = Path.of("docs", "rules.md");
    static final String LEGAL_HEADING = "## Rules from law and public guidance";
    static final String TECHNICAL_HEADING = "## Technical rules";
    static final String RUN_TIME_HEADING = "## Codes built at run time";
    /** Anchors of the two run-time families: {@code constraint.<name>} and Bean Validation names. */
    static final String CONSTRAINT_ANCHOR = "constraint";
    static final String BEAN_VALIDATION_ANCHOR = "bean-validation";

    enum Table { LEGAL, TECHNICAL }

    record Row(String code, Table table, String source, String meaning, List<String> classes, List<String> tests) {
    }

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    private RuleIndex() {
    }

    /** The rows of the index file, by code, in file order. */
    static Map<String, Row> read() {
        Map<String, Row> rows = new LinkedHashMap<>();
        Table table = null;
        String text = Repository.textOrNull(FILE);
        if (text == null) {
            return rows;
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("## ")) {
                table = line.strip().equals(LEGAL_HEADING) ? Table.LEGAL
                        : line.strip().equals(TECHNICAL_HEADING) ? Table.TECHNICAL : null;
                continue;
            }
            if (table == null || !(line.startsWith("| `") || line.startsWith("| <a id="))) {
                continue;
            }
            List<String> cells = cells(line);
            int expected = table == Table.LEGAL ? 5 : 4;
            if (cells.size() != expected) {
                throw new IllegalStateException("docs/rules.md: a row of \"" + (table == Table.LEGAL ? LEGAL_HEADING
                        : TECHNICAL_HEADING) + "\" needs " + expected + " cells, this has " + cells.size() + ": " + line);
            }
            String code = ticked(cells.get(0)).stream().findFirst().orElseThrow();
            int c = table == Table.LEGAL ? 1 : 0;
            String source = table == Table.LEGAL ? cells.get(1) : "";
            rows.put(code, new Row(code, table, source, cells.get(c + 1), ticked(cells.get(c + 2)), ticked(cells.get(c + 3))));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inCode = false;
        for (int i = 0; i < inner.length(); i++) {
            char ch = inner.charAt(i);
            if (ch == '`') {
                inCode = !inCode;
            }
            if (ch == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (ch == '|' && !inCode) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    private static List<String> ticked(String cell) {
        List<String> values = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /**
     * The index as it should be: every code of main code, with the classes that use it now; source, meaning and
     * tests kept from the current file where it has them (they are written by people), otherwise seeded (source
     * from the code's prefix, meaning from the message next to the code, tests that mention the code).
     */
    static List<Row> generate(Map<String, RuleCodes.Use> uses, Map<String, Row> current, List<TestMethods.Method> tests) {
        Set<String> existingTests = new LinkedHashSet<>();
        tests.forEach(t -> existingTests.add(t.id()));
        List<Row> rows = new ArrayList<>();
        for (RuleCodes.Use use : uses.values()) {
            Row old = current.get(use.code());
            String[] seed = Sources.seed(use.code());
            Table table = old != null ? old.table() : seed == null ? Table.TECHNICAL : Table.LEGAL;
            String source = old != null && !old.source().isBlank() ? old.source() : seed == null ? "" : seed[0];
            String meaning = old != null && !old.meaning().isBlank() ? old.meaning()
                    : use.message().isBlank() ? "TODO: say what the rule means" : use.message().replace("|", "\\|");
            List<String> kept = old == null ? List.of() : old.tests().stream().filter(existingTests::contains).toList();
            List<String> proved = kept.isEmpty() ? mentioning(use.code(), tests) : kept;
            rows.add(new Row(use.code(), table, source, meaning, List.copyOf(use.classes()), proved));
        }
        return rows;
    }

    /** Up to three tests that mention the code, those named after a rule first. */
    static List<String> mentioning(String code, List<TestMethods.Method> tests) {
        Map<String, TestMethods.Method> found = new TreeMap<>();
        for (TestMethods.Method t : tests) {
            if (TestMethods.mentions(t.text(), code)) {
                String rank = (t.name().matches("(?i).*(integreringslov|forskrift|introduksjonslov|_§|rule).*") ? "0" : "1")
                        + t.file() + "#" + t.name();
                found.put(rank, t);
            }
        }
        return found.values().stream().limit(3).map(TestMethods.Method::id).toList();
    }

    static String render(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("""
                # Rule index

                Every rule code NyStart answers with (a `violations[].rule` of an `application/problem+json` body, 400,
                409 or 422) or records with a decision, with where it comes from, what it means, the class that applies
                it and the test that proves it. The legal background of each rule is explained in
                [`docs/domain/`](domain/README.md); the anchors (`#3b`, `#5f`, …) are the section codes used in comments.

                This file is checked by the `docs-check` module (`docs/`, part of `./mvnw -B verify`): the build fails when
                a rule code used in main code has no row here, when a row names a class or a test that does not exist, or
                when a rule has no test. To add the rows of new codes (with the classes that use them and the tests that
                mention them), run

                    ./mvnw -B -q verify -pl docs -Drules.index.write=true

                then write the source and the meaning of each new row (the generator seeds the meaning from the message
                next to the code) and move a row with a legal source to the first table. Source, meaning and tests you
                write are kept on regeneration; "Applied by" is always recomputed from the code.

                Each violation in a problem body carries, next to its `rule`, a `type` URI
                `https://nystart.no/rules/<code>` (RFC 9457 style): it names the row of that code here, whose anchor is the
                code itself (`docs/rules.md#<code>`, e.g. [`#integreringsloven-13.max-length`](#integreringsloven-13.max-length)).
                A code with a variable last part (`integreringsforskriften-kap4.leave-limit.PREGNANCY`) is the row whose
                code ends in `.*`; the codes a service builds at run time are in the [last section](#codes-built-at-run-time).

                """);
        out.append(LEGAL_HEADING).append("\n\n");
        out.append("| Code | Source | Meaning | Applied by | Proved by |\n| --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            if (r.table() == Table.LEGAL) {
                out.append("| ").append(anchor(r.code())).append("`").append(r.code()).append("` | ").append(r.source()).append(" | ").append(r.meaning())
                        .append(" | ").append(list(r.classes())).append(" | ").append(list(r.tests())).append(" |\n");
            }
        }
        out.append("\n").append(TECHNICAL_HEADING).append("\n\n");
        out.append("Input formats, lifecycle states and bookkeeping; no statute behind them (where a choice was made, the\n"
                + "service's page in `docs/services/` says why).\n\n");
        out.append("| Code | Meaning | Applied by | Proved by |\n| --- | --- | --- | --- |\n");
        for (Row r : rows) {
            if (r.table() == Table.TECHNICAL) {
                out.append("| ").append(anchor(r.code())).append("`").append(r.code()).append("` | ").append(r.meaning())
                        .append(" | ").append(list(r.classes())).append(" | ").append(list(r.tests())).append(" |\n");
            }
        }
        out.append("\n").append(anchor("codes-built-at-run-time")).append("\n\n").append(RUN_TIME_HEADING).append("\n\n");
        out.append("""
                Not written out in the code as literals, so not rows of the tables above (every other code is, which is how
                the check finds it):

                | Code | Meaning | Applied by | Proved by |
                | --- | --- | --- | --- |
                | %s`constraint.<name>` | a database constraint (unique key, foreign key) caught a concurrent write the service's own checks could not see; 409 naming the constraint, nothing written | `ProblemMappers` | `BadInputTest#a_primary_key_hit_through_hibernate_is_a_409_problem` |
                | %s`<bean-validation-name>` | the kebab-case name of a Bean Validation annotation whose message carries no code of ours (`not-null`, `not-blank`, `size`, `pattern`, …); 400 naming the field | `ProblemMappers` | `ProblemMappersTest#a_standard_constraint_is_named_after_its_annotation` |
                """.formatted(anchor(CONSTRAINT_ANCHOR), anchor(BEAN_VALIDATION_ANCHOR)));
        return out.toString();
    }

    /** The HTML anchor a row starts with: its id is what a violation's type URI ends with. */
    static String anchor(String id) {
        return "<a id=\"" + id + "\"></a>";
    }

    private static String list(List<String> values) {
        if (values.isEmpty()) {
            return "—";
        }
        StringBuilder s = new StringBuilder();
        for (String v : values) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append('`').append(v).append('`');
        }
        return s.toString();
    }
}
