package no.nystart.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths in the repository checkout. */
public final class Repo {
    private final Path root;

    public Repo(Path root) {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(this.root.resolve("k8s/pom.xml"))) {
            throw new IllegalArgumentException(this.root + " is not the NyStart repository root (no k8s/pom.xml)");
        }
    }

    /** The root from -Dnystart.root (set by the k8s module's surefire configuration) or the working directory. */
    public static Repo locate() {
        String prop = System.getProperty("nystart.root");
        if (prop != null && !prop.isBlank()) {
            return new Repo(Path.of(prop));
        }
        Path cwd = Path.of("").toAbsolutePath();
        return new Repo(Files.isRegularFile(cwd.resolve("k8s/pom.xml")) ? cwd : cwd.getParent());
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /**
     * Every domain service module under services/ (directories with a pom.xml whose application.properties sets a
     * datasource), sorted by name. The staff portal (services/staff-portal) has no database and no Kafka channel, so
     * the manifests derived from this list (database roles, Kafka users, NetworkPolicies to PostgreSQL and Kafka) do
     * not fit it; its own manifest and policies come from {@link #portalDir()} and {@link #portal()}.
     */
    public List<Path> serviceDirs() {
        try (Stream<Path> s = Files.list(root.resolve("services"))) {
            return s.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).filter(Repo::hasDatasource).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasDatasource(Path serviceDir) {
        Path file = serviceDir.resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            return true; // ServiceConfig.read names what is missing
        }
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.strip().startsWith("quarkus.datasource.db-kind="));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The staff portal's module: a web application without a database that calls the services (docs/portal.md). */
    public Path portalDir() {
        return root.resolve("services/" + PortalConfig.NAME);
    }

    public PortalConfig portal() {
        return PortalConfig.read(portalDir());
    }

    /** The modules whose quarkus-kubernetes manifest is committed under k8s/base: the services, then the portal. */
    public List<Path> manifestDirs() {
        List<Path> dirs = new java.util.ArrayList<>(serviceDirs());
        dirs.add(portalDir());
        return List.copyOf(dirs);
    }

    public List<ServiceConfig> services() {
        return serviceDirs().stream().map(ServiceConfig::read).toList();
    }

    public Path municipalities() {
        return root.resolve("platform/validation/src/main/resources/no/nystart/platform/validation/kommuner-2024.csv");
    }

    public Path localRealm() {
        return root.resolve("deploy/local/keycloak/nystart-realm.json");
    }
}
