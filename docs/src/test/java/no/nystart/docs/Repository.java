package no.nystart.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The repository these checks read: the parent directory of the docs module, walked without build output. */
final class Repository {

    /** Directories that are not part of the repository's content (build output, tools' state). */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".idea", ".vscode");

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("nystart.repository.root");
        Path root = configured == null ? Path.of("..") : Path.of(configured);
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("docs"))) {
            throw new IllegalStateException("not the NyStart repository root: " + root);
        }
        return root;
    }

    /** Every file of the repository (no build output), relative to the root, sorted. */
    static List<Path> files() {
        Path root = root();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(p -> {
                        for (Path part : p) {
                            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java files under a {@code src/<set>/java} directory of any module ({@code set} = main or test). */
    static List<Path> javaFiles(String set) {
        String marker = "src/" + set + "/java/";
        return files().stream()
                .filter(p -> p.toString().replace('\\', '/').contains(marker) && p.toString().endsWith(".java"))
                .collect(Collectors.toList());
    }

    /** The text of a repository file, or null when it is not UTF-8 text (images, archives). */
    static String textOrNull(Path relative) {
        try {
            if (!Files.isRegularFile(root().resolve(relative))) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(root().resolve(relative));
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path relative) {
        String text = textOrNull(relative);
        if (text == null) {
            throw new IllegalStateException(relative + " is not UTF-8 text");
        }
        return text;
    }

    /** The simple class name a Java file declares ({@code Foo.java} → {@code Foo}). */
    static String className(Path javaFile) {
        String name = javaFile.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }
}
