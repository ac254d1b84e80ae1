package no.nystart.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test methods of the repository ({@code @Test}, {@code @ParameterizedTest}, …) with their text. */
final class TestMethods {

    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");
    private static final Pattern DECLARATION = Pattern.compile("\\b(\\w+)\\s*\\([^)]*\\)\\s*(?:throws [\\w.,\\s]+)?\\{");

    /** {@code text} is the method from its test annotation to its closing brace (annotations' sources included). */
    record Method(String className, String name, String file, String text) {
        String id() {
            return className + "#" + name;
        }
    }

    private TestMethods() {
    }

    static List<Method> all() {
        List<Method> methods = new ArrayList<>();
        for (Path file : Repository.javaFiles("test")) {
            String src = Repository.text(file);
            String className = Repository.className(file);
            Matcher annotation = TEST_ANNOTATION.matcher(src);
            int from = 0;
            while (annotation.find(from)) {
                Matcher declaration = DECLARATION.matcher(src);
                if (!declaration.find(annotation.end())) {
                    break;
                }
                int open = declaration.end() - 1;
                int end = JavaText.afterMatchingBrace(src, open);
                methods.add(new Method(className, declaration.group(1), Repository.slashes(file),
                        src.substring(annotation.start(), end)));
                from = end;
            }
        }
        return methods;
    }

    /** Whether the code stands in the text as a whole code (not as the start of a longer one). */
    static boolean mentions(String text, String code) {
        if (code.endsWith(".*")) { // a code completed at run time: any completion counts
            String prefix = code.substring(0, code.length() - 1);
            return Pattern.compile("(?<![a-z0-9.-])" + Pattern.quote(prefix) + "[A-Za-z0-9_-]").matcher(text).find();
        }
        return Pattern.compile("(?<![a-z0-9.-])" + Pattern.quote(code) + "(?![a-z0-9-]|\\.[a-z0-9])").matcher(text).find();
    }
}
