package no.nystart.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * ONE local stack (Keycloak, Kafka, PostgreSQL, the five services and the staff portal on free ports) for the
 * test classes of this module that need the whole suite: the end-to-end test and the portal's browser tests
 * share it, so a build pays the start (one to two minutes) once. Started on first use, stopped when the test
 * JVM exits.
 */
final class SharedStack {
    static final Path MODULE = Path.of("").toAbsolutePath(); // surefire runs in deploy/local
    static final Path REPO = MODULE.resolve("../..").normalize();
    static final Path RUN = MODULE.resolve("target/e2e-run");

    private static LocalStack stack;
    private static RuntimeException failure;

    private SharedStack() {
    }

    static synchronized LocalStack get() throws Exception {
        if (failure != null) {
            throw failure; // a start that failed once is not tried again by the next class
        }
        if (stack == null) {
            deleteTree(RUN);
            LocalStack.Options options = LocalStack.Options.parse(new String[] {"--repo", REPO.toString(), "--data",
                    RUN.toString(), "--free-ports", "--residents", "0", "--ready-timeout", "600"});
            LocalStack s = new LocalStack(options, System.out, System.currentTimeMillis());
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "shared-stack-stop"));
            try {
                s.start();
            } catch (Exception e) {
                failure = new IllegalStateException("the shared local stack did not start: " + e.getMessage(), e);
                s.stop();
                throw failure;
            }
            stack = s;
        }
        return stack;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
