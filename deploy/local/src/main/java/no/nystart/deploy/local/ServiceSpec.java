package no.nystart.deploy.local;

import java.nio.file.Path;
import java.util.List;

/**
 * A service the local stack runs: its module, HTTP port and database. The list grows as services
 * are built (issue 9: introduction, adult-education, grants).
 */
record ServiceSpec(String name, String module, int port, String database) {

    /** The services of the suite that exist today, in start order. */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("reception-training", "services/reception-training", 8081, "reception"),
            new ServiceSpec("settlement", "services/settlement", 8082, "settlement"));

    /** The Quarkus fast-jar the build produces. */
    Path jar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
