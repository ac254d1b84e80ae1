package no.nystart.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every pointer into the domain reference resolves: {@code docs/domain/<page>.md#<section>} written anywhere in the
 * repository (code comments, docs, SQL), and every relative Markdown link of docs/rules.md and docs/domain/.
 */
class DomainReferenceLinksTest {

    private static final Pattern POINTER = Pattern.compile("docs/domain/([A-Za-z0-9_-]+\\.md)(?:#([a-z0-9]+(?:-[a-z0-9]+)*))?");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"");

    static Set<String> anchors(Path page) {
        Set<String> ids = new HashSet<>();
        Matcher m = ANCHOR.matcher(Repository.text(page));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String resolve(String where, Path page, String anchor) {
        Path root = Repository.root();
        if (!Files.exists(root.resolve(page))) {
            return where + ": " + Repository.slashes(page) + " does not exist";
        }
        if (anchor != null && page.toString().endsWith(".md") && !anchors(page).contains(anchor)) {
            return where + ": " + Repository.slashes(page) + " has no <a id=\"" + anchor + "\">";
        }
        return null;
    }

    @Test
    void every_pointer_into_docs_domain_resolves() {
        List<String> broken = new ArrayList<>();
        int pointers = 0;
        for (Path file : Repository.files()) {
            String text = Repository.textOrNull(file);
            if (text == null || Repository.slashes(file).startsWith("docs/src/")) {
                continue;
            }
            Matcher m = POINTER.matcher(text);
            while (m.find()) {
                pointers++;
                String problem = resolve(Repository.slashes(file), Path.of("docs", "domain", m.group(1)), m.group(2));
                if (problem != null) {
                    broken.add(problem + " (\"" + m.group() + "\")");
                }
            }
        }
        assertFalse(pointers == 0, "no pointer into docs/domain/ found at all");
        assertEquals(List.of(), broken, () -> String.join("\n", broken));
    }

    @Test
    void every_relative_link_of_the_rule_index_and_the_domain_pages_resolves() {
        List<Path> pages = new ArrayList<>();
        pages.add(RuleIndex.FILE);
        for (Path file : Repository.files()) {
            if (Repository.slashes(file).startsWith("docs/domain/") && file.toString().endsWith(".md")) {
                pages.add(file);
            }
        }
        assertFalse(pages.size() < 7, "docs/domain/ should have an index and six stage pages: " + pages);
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = MARKDOWN_LINK.matcher(Repository.text(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                String problem = resolve(Repository.slashes(page), resolved, anchor);
                if (problem != null) {
                    broken.add(problem + " (link \"" + target + "\")");
                }
            }
        }
        assertEquals(List.of(), broken, () -> String.join("\n", broken));
    }
}
