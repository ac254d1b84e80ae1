package no.nystart.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md against the code: every rule code of main code has a row, every row's classes and tests exist, every
 * rule has a test. With {@code -Drules.index.write=true} the index is regenerated first (see {@link RuleIndex}).
 */
class RuleIndexTest {

    private static final String REGENERATE = "./mvnw -B -q verify -pl docs -Drules.index.write=true";

    static Map<String, RuleCodes.Use> uses;
    static Map<String, RuleIndex.Row> index;
    static List<TestMethods.Method> tests;

    @BeforeAll
    static void read() throws IOException {
        uses = RuleCodes.inMainCode();
        tests = TestMethods.all();
        if (Boolean.getBoolean("rules.index.write")) {
            String rendered = RuleIndex.render(RuleIndex.generate(uses, RuleIndex.read(), tests));
            Files.writeString(Repository.root().resolve(RuleIndex.FILE), rendered, StandardCharsets.UTF_8);
        }
        index = RuleIndex.read();
    }

    @Test
    void the_extractor_finds_rule_codes_of_every_kind_and_no_configuration_keys() {
        // a literal second argument of a Violation, a RULE_ constant, a Bean Validation message, a decision's code
        assertTrue(uses.containsKey("integreringsloven-18.temporary-max-3-months"), uses.keySet()::toString);
        assertTrue(uses.containsKey("national-id.control-digit-2"), uses.keySet()::toString);
        assertTrue(uses.containsKey("money.whole-kroner"), uses.keySet()::toString);
        assertTrue(uses.containsKey("integreringsloven-8.age"), uses.keySet()::toString);
        assertTrue(uses.keySet().stream().noneMatch(c -> c.startsWith("nystart.") || c.endsWith(".v1")
                || c.equals("key.year") || c.startsWith("settlement.matching.")), uses.keySet()::toString);
    }

    @Test
    void every_rule_code_used_in_main_code_has_a_row() {
        List<String> missing = new ArrayList<>();
        for (RuleCodes.Use use : uses.values()) {
            if (!index.containsKey(use.code())) {
                String test = RuleIndex.mentioning(use.code(), tests).stream().findFirst().orElse("TestClass#test_method");
                missing.add("rule code `" + use.code() + "` (used in " + String.join(", ", use.files())
                        + ") is missing from docs/rules.md. Add the row\n    | `" + use.code() + "` | "
                        + (use.message().isBlank() ? "<what it means>" : use.message()) + " | "
                        + use.classes().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "))
                        + " | `" + test + "` |\n  to \"" + RuleIndex.TECHNICAL_HEADING.substring(3) + "\" (or, with its"
                        + " statute and docs/domain/ anchor as Source, to \"" + RuleIndex.LEGAL_HEADING.substring(3)
                        + "\"), or run " + REGENERATE + " and check the row it adds.");
            }
        }
        assertEquals(List.of(), missing, () -> String.join("\n", missing));
    }

    @Test
    void every_row_is_a_code_still_used_in_main_code() {
        List<String> stale = index.keySet().stream().filter(c -> !uses.containsKey(c))
                .map(c -> "docs/rules.md has a row for `" + c + "`, which no main code uses any more: remove the row"
                        + " (or run " + REGENERATE + ")")
                .toList();
        assertEquals(List.of(), stale, () -> String.join("\n", stale));
    }

    @Test
    void every_class_a_row_names_exists_and_one_of_them_uses_the_code() {
        Set<String> mainClasses = Repository.javaFiles("main").stream().map(Repository::className)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> problems = new ArrayList<>();
        for (RuleIndex.Row row : index.values()) {
            for (String c : row.classes()) {
                String outer = c.contains(".") ? c.substring(0, c.indexOf('.')) : c;
                if (!mainClasses.contains(outer)) {
                    problems.add("docs/rules.md: `" + row.code() + "` names class `" + c + "`, but no src/main/java/**/"
                            + outer + ".java exists");
                }
            }
            RuleCodes.Use use = uses.get(row.code());
            if (use != null && row.classes().stream().noneMatch(c -> use.classes().contains(c.split("\\.")[0]))) {
                problems.add("docs/rules.md: `" + row.code() + "` names " + row.classes() + ", but the code is used in "
                        + use.classes() + " (run " + REGENERATE + ")");
            }
        }
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @Test
    void every_test_a_row_names_exists_and_every_rule_has_one() {
        Set<String> ids = tests.stream().map(TestMethods.Method::id).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (RuleIndex.Row row : index.values()) {
            for (String t : row.tests()) {
                if (!ids.contains(t)) {
                    problems.add("docs/rules.md: `" + row.code() + "` names test `" + t + "`, but no test method "
                            + t.replace('#', '.') + " exists (renamed or removed?)");
                }
            }
            if (row.tests().stream().noneMatch(ids::contains)) {
                List<String> candidates = RuleIndex.mentioning(row.code(), tests);
                problems.add("docs/rules.md: `" + row.code() + "` has no test: " + (candidates.isEmpty()
                        ? "no test method mentions the code; write one that proves the rule and name it in \"Proved by\""
                        : "name one of " + candidates + " in \"Proved by\""));
            }
        }
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @Test
    void a_legal_row_names_its_source_and_links_into_the_domain_reference() {
        List<String> problems = index.values().stream()
                .filter(r -> r.table() == RuleIndex.Table.LEGAL && !r.source().contains("](domain/"))
                .map(r -> "docs/rules.md: `" + r.code() + "` is in \"" + RuleIndex.LEGAL_HEADING.substring(3)
                        + "\" but its source has no link into docs/domain/: " + r.source())
                .toList();
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }
    @Test
    void every_row_starts_with_the_anchor_a_violations_type_uri_names() throws IOException {
        // a violation's type is https://nystart.no/rules/<code>: the row of <code> must carry the anchor #<code>
        String text = Files.readString(Repository.root().resolve(RuleIndex.FILE), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        for (String code : index.keySet()) {
            if (!text.contains("| " + RuleIndex.anchor(code) + "`" + code + "` |")) {
                problems.add("docs/rules.md: the row of `" + code + "` does not start with " + RuleIndex.anchor(code)
                        + " (run " + REGENERATE + ")");
            }
        }
        for (String family : List.of(RuleIndex.CONSTRAINT_ANCHOR, RuleIndex.BEAN_VALIDATION_ANCHOR)) {
            if (!text.contains(RuleIndex.RUN_TIME_HEADING) || !text.contains(RuleIndex.anchor(family))) {
                problems.add("docs/rules.md: \"" + RuleIndex.RUN_TIME_HEADING.substring(3) + "\" lacks the anchor "
                        + RuleIndex.anchor(family) + " (run " + REGENERATE + ")");
            }
        }
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }
}
