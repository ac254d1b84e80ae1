package no.nystart.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No file of the repository (code, comments, docs, messages, test names, data) refers to a file outside it: the
 * background specification the project was started from, and its shared data folder, are not shipped. Explain a rule
 * in docs/domain/ and point there (or name the statute); copy reference data into the module that reads it.
 */
class NoPointerOutsideRepositoryTest {

    /** Built from parts so that this file does not match itself. */
    static final List<Pattern> OUTSIDE = List.of(
            Pattern.compile("DOMAIN" + "\\.md"),
            Pattern.compile("SERVICES" + "\\.md"),
            Pattern.compile("ARCHITECTURE" + "\\.md"),
            Pattern.compile("INFRA-NOTES" + "\\.md"),
            Pattern.compile("\\.\\./" + "shared\\b"),
            Pattern.compile("\\bshared/" + "(?:spec|data)\\b"),
            // a test named after a section of that file in upper case (now lower case: domain_4b_…, the docs/domain section)
            Pattern.compile("(?<![A-Za-z0-9])DOMAIN" + "_[0-9]"));

    static List<String> pointersOutside(String name, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Pattern p : OUTSIDE) {
                Matcher m = p.matcher(lines[i]);
                if (m.find()) {
                    found.add(name + ":" + (i + 1) + ": \"" + m.group() + "\" in: " + lines[i].strip());
                    break; // one report per line
                }
            }
        }
        return found;
    }

    @Test
    void the_check_sees_each_kind_of_outside_pointer() {
        String sample = String.join("\n", "see DOMAIN" + ".md 3a", "copy of `shared/" + "data/grunnbelop.csv`",
                "(SERVICES" + ".md, settlement)", "../" + "shared/" + "spec", "void regime_DOMAIN" + "_0_from_2021()", "docs/domain/grants.md#5b is fine");
        assertEquals(5, pointersOutside("sample", sample).size(), () -> pointersOutside("sample", sample).toString());
        assertTrue(pointersOutside("ok", "docs/architecture.md, docs/services/settlement.md, void regime_domain_0_x()").isEmpty());
    }

    @Test
    void no_file_refers_to_a_file_outside_the_repository() {
        List<String> found = new ArrayList<>();
        for (Path file : Repository.files()) {
            String text = Repository.textOrNull(file);
            if (text != null) {
                found.addAll(pointersOutside(Repository.slashes(file), text));
            }
        }
        assertTrue(found.isEmpty(), () -> found.size() + " pointers to files outside the repository; point into"
                + " docs/domain/ (e.g. docs/domain/introduction-programme.md#3a) or name the statute instead:\n"
                + String.join("\n", found.subList(0, Math.min(found.size(), 300)))
                + (found.size() > 300 ? "\n… and " + (found.size() - 300) + " more" : ""));
    }
}
