package no.nystart.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drift checks: the committed generated files must equal what the build generates now. With
 * -Dnystart.k8s.regenerate=true they are written first (docs/deploy.md), then compared.
 */
class GeneratedFilesTest {
    static final boolean REGENERATE = Boolean.getBoolean("nystart.k8s.regenerate");

    @Test
    void the_generated_kafka_network_database_keycloak_and_scaling_files_are_up_to_date() throws IOException {
        Repo repo = Repo.locate();
        Map<String, String> files = new Generator(repo).files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        List<String> drift = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path committed = repo.resolve(f.getKey());
            if (REGENERATE) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, f.getValue(), StandardCharsets.UTF_8);
            }
            if (!Files.isRegularFile(committed) || !Files.readString(committed, StandardCharsets.UTF_8).equals(f.getValue())) {
                drift.add(f.getKey() + " differs from what no.nystart.k8s.Generator derives now; regenerate with "
                        + Generator.REGENERATE + " and commit it");
            }
        }
        assertThat(drift).isEmpty();
    }

    @Test
    void the_committed_service_manifests_are_what_quarkus_kubernetes_generated() throws IOException {
        Repo repo = Repo.locate();
        Map<String, Path> manifests = new Generator(repo).serviceManifests();
        assertThat(manifests).hasSize(repo.serviceDirs().size()).hasSizeGreaterThanOrEqualTo(5);
        List<String> drift = new ArrayList<>();
        for (Map.Entry<String, Path> m : manifests.entrySet()) {
            Path generated = m.getValue();
            Path committed = repo.resolve(m.getKey());
            String from = repo.root().relativize(generated).toString();
            if (!Files.isRegularFile(generated)) {
                drift.add(from + " does not exist: build the service first (the k8s module depends on it, "
                        + "so ./mvnw -B verify builds it before this test)");
                continue;
            }
            if (REGENERATE) {
                Files.createDirectories(committed.getParent());
                Files.copy(generated, committed, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.isRegularFile(committed) || Files.mismatch(generated, committed) != -1) {
                drift.add(m.getKey() + " differs from the generated " + from + ": copy " + from + " to " + m.getKey()
                        + " (or run " + Generator.REGENERATE + ") and commit it; never edit it by hand");
            }
        }
        assertThat(drift).isEmpty();
    }

    @Test
    void generating_twice_gives_the_same_files() {
        Repo repo = Repo.locate();
        assertThat(new Generator(repo).files()).isEqualTo(new Generator(repo).files());
    }
}
