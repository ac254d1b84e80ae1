package no.nystart.deploy.local;

import java.nio.file.Path;
import java.util.List;

/** A service the local stack runs: its module, HTTP port and database (a role of the same name owns it). */
record ServiceSpec(String name, String module, int port, String database) {

    /** The five services of the suite, in start order, on their documented ports. */
    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("reception-training", "services/reception-training", 8081, "reception"),
            new ServiceSpec("settlement", "services/settlement", 8082, "settlement"),
            new ServiceSpec("introduction-programme", "services/introduction-programme", 8083, "introduction_programme"),
            new ServiceSpec("adult-education", "services/adult-education", 8084, "adult_education"),
            new ServiceSpec("grant-accounting", "services/grant-accounting", 8085, "grant_accounting"));

    /** The staff portal: a web application (no database) in front of the five services, started with Keycloak only. */
    static final ServiceSpec PORTAL = new ServiceSpec("staff-portal", "services/staff-portal", 8080, null);

    /** The Quarkus fast-jar the build produces. */
    Path jar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The same service on another port (the end-to-end test runs the stack on free ports). */
    ServiceSpec onPort(int otherPort) {
        return new ServiceSpec(name, module, otherPort, database);
    }
}
