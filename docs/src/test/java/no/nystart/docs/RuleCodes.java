package no.nystart.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule codes main code uses, read from its string literals. A rule code is lower-case words joined by dots, each
 * word letters/digits with inner hyphens ({@code integreringsloven-13.max-length}, {@code json.syntax}). It is
 * found as a whole literal ({@code new Violation(field, "case.settled", …)}, {@code RULE_FORMAT = "national-id.format"})
 * or at the start of a Bean Validation message ({@code "money.whole-kroner: amountNok must be …"}).
 *
 * <p>Literals of the same shape that are not rule codes are left out by where they stand, not by a list of names:
 * configuration keys (in {@code application.properties}, after {@code name =}, {@code prefix =} or in a
 * {@code getValue}/{@code getInteger}/… call), the keys of {@code TransactionLock.on(…)}, the names of paging sort orders (constants {@code *SORT}), Panache query fields ({@code list("key.year", …)}), topic names
 * ({@code *.v1}), file names ({@code *.log}, {@code *.jar}, …) and the modules that hold no rules (the Kafka broker
 * launcher, the test support library, the local stack launcher).
 */
final class RuleCodes {

    static final String CODE = "[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+";
    private static final Pattern WHOLE = Pattern.compile(CODE);
    private static final Pattern MESSAGE = Pattern.compile("^(" + CODE + "): \\S");
    /** The start of a code completed at run time: {@code "integreringsforskriften-kap4.leave-limit." + type}. */
    private static final Pattern PREFIX = Pattern.compile(
            "[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)*\\.");
    /** A literal that is an argument (not the first) of a violation: {@code new Violation(field, <here>}. */
    private static final Pattern VIOLATION_ARGUMENT = Pattern.compile(
            "(?:\\bViolation|RuleViolationException|ConflictProblem)\\([^;{}]*,\\s*$");
    /**
     * Prefixes completed at run time from outside the code, documented in rules.md's introduction instead of a row:
     * {@code constraint.<name>} is a database constraint's name (ProblemMappers).
     */
    static final Set<String> RUN_TIME_CODES = Set.of("constraint.*");
    /** What may stand right before a literal that makes it a key or a query, not a rule code. */
    private static final Pattern KEY_CONTEXT = Pattern.compile(
            "(?:\\bname\\s*=\\s*|\\bprefix\\s*=\\s*|\\b(?:getValue|getOptionalValue|getProperty|getInteger|getLong|getBoolean"
                    + "|getConfigValue|list|find|count|delete|update|stream)\\s*\\(\\s*|\\bTransactionLock\\.on\\s*\\(\\s*|\\b[A-Z_]*SORT\\s*=\\s*)$");
    private static final Set<String> NOT_RULE_FIRST_WORDS = Set.of("nystart", "quarkus", "mp", "smallrye", "kafka", "java",
            "jakarta", "javax", "org", "io", "com", "no");
    private static final Set<String> FILE_EXTENSIONS = Set.of("log", "jar", "xml", "properties", "pid", "env", "sha256",
            "csv", "json", "yaml", "yml", "sql", "txt", "html", "md", "java", "class", "conf", "pem", "key", "crt", "js", "css");
    /** Modules whose main code holds no rules of NyStart (infrastructure launchers and test support). */
    private static final List<String> MODULES_WITHOUT_RULES = List.of("platform/kafka-broker/", "platform/testing/",
            "deploy/local/", "k8s/", "docs/");

    /** A rule code, the main classes that use it and the first message text found with it. */
    record Use(String code, Set<String> classes, Set<String> files, String message) {
    }

    private RuleCodes() {
    }

    /** Every rule code of main code, sorted, with where it is used. */
    static Map<String, Use> inMainCode() {
        Set<String> configurationKeys = configurationKeys();
        Map<String, Set<String>> classes = new TreeMap<>();
        Map<String, Set<String>> files = new TreeMap<>();
        Map<String, String> messages = new TreeMap<>();
        for (Path file : Repository.javaFiles("main")) {
            String path = Repository.slashes(file);
            if (MODULES_WITHOUT_RULES.stream().anyMatch(path::startsWith)) {
                continue;
            }
            String src = Repository.text(file);
            List<JavaText.Literal> literals = JavaText.stringLiterals(src);
            for (int k = 0; k < literals.size(); k++) {
                JavaText.Literal literal = literals.get(k);
                String code = null;
                String message = null;
                Matcher m = MESSAGE.matcher(literal.value());
                if (m.find()) {
                    code = m.group(1);
                    message = literal.value().substring(m.end(1) + 2);
                } else if (PREFIX.matcher(literal.value()).matches()
                        && src.substring(literal.end()).stripLeading().startsWith("+")
                        && VIOLATION_ARGUMENT.matcher(src.substring(Math.max(0, literal.start() - 200), literal.start())).find()
                        && !RUN_TIME_CODES.contains(literal.value() + "*")) {
                    code = literal.value() + "*";
                    message = followingMessage(src, literals, k);
                } else if (WHOLE.matcher(literal.value()).matches()
                        && !notARuleCode(literal.value(), src, literal.start(), configurationKeys)) {
                    code = literal.value();
                    message = followingMessage(src, literals, k);
                }
                if (code == null) {
                    continue;
                }
                classes.computeIfAbsent(code, c -> new TreeSet<>()).add(Repository.className(file));
                files.computeIfAbsent(code, c -> new TreeSet<>()).add(path);
                if (message != null && !message.isBlank()) {
                    messages.putIfAbsent(code, message.strip());
                }
            }
        }
        Map<String, Use> uses = new TreeMap<>();
        for (String code : classes.keySet()) {
            uses.put(code, new Use(code, classes.get(code), files.get(code), messages.getOrDefault(code, "")));
        }
        return uses;
    }

    static boolean notARuleCode(String value, String src, int literalStart, Set<String> configurationKeys) {
        String[] words = value.split("\\.");
        if (NOT_RULE_FIRST_WORDS.contains(words[0])) {
            return true;
        }
        String last = words[words.length - 1];
        if (FILE_EXTENSIONS.contains(last) || last.matches("v[0-9]+")) {
            return true;
        }
        for (String key : configurationKeys) {
            if (key.equals(value) || key.endsWith("." + value)) {
                return true;
            }
        }
        String before = src.substring(Math.max(0, literalStart - 60), literalStart);
        return KEY_CONTEXT.matcher(before).find();
    }

    /** The message written next to a code: the literals after it in the same statement, "…" where an expression is between. */
    private static String followingMessage(String src, List<JavaText.Literal> literals, int k) {
        int statementEnd = src.indexOf(';', literals.get(k).end());
        if (statementEnd < 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        int previousEnd = -1;
        for (int j = k + 1; j < literals.size() && literals.get(j).start() < statementEnd; j++) {
            JavaText.Literal next = literals.get(j);
            if (WHOLE.matcher(next.value()).matches()) {
                break; // the next code of a list
            }
            if (previousEnd >= 0 && !src.substring(previousEnd, next.start()).strip().equals("+")) {
                text.append(" … ");
            }
            text.append(next.value().replace("\\\"", "\""));
            previousEnd = next.end();
        }
        String s = text.toString().replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    /** Every key of every {@code application.properties} (profile prefixes like {@code %test.} removed). */
    static Set<String> configurationKeys() {
        Set<String> keys = new TreeSet<>();
        for (Path file : Repository.files()) {
            if (!file.getFileName().toString().equals("application.properties")) {
                continue;
            }
            for (String line : Repository.text(file).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || !l.contains("=")) {
                    continue;
                }
                String key = l.substring(0, l.indexOf('=')).strip();
                if (key.startsWith("%")) {
                    key = key.substring(key.indexOf('.') + 1);
                }
                keys.add(key);
            }
        }
        return keys;
    }

    static List<String> sorted(Map<String, Use> uses) {
        return new ArrayList<>(uses.keySet());
    }
}
