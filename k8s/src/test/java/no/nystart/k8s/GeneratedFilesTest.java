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
import org.junit.jupiter.api.io.TempDir;

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
        // the five services and the staff portal
        assertThat(manifests).hasSize(repo.serviceDirs().size() + 1).hasSizeGreaterThanOrEqualTo(6)
                .containsKey("k8s/base/staff-portal/kubernetes.yml");
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
            if (REGENERATE && (!Files.isRegularFile(committed) || !sameDocuments(generated, committed))) {
                Files.createDirectories(committed.getParent());
                Files.copy(generated, committed, StandardCopyOption.REPLACE_EXISTING);
            }
            // compared as YAML documents: quarkus-kubernetes does not keep the order of labels stable
            // between builds, everything else (values, list order) must be equal
            if (!Files.isRegularFile(committed) || !sameDocuments(generated, committed)) {
                drift.add(m.getKey() + " differs from the generated " + from + ": copy " + from + " to " + m.getKey()
                        + " (or run " + Generator.REGENERATE + ") and commit it; never edit it by hand");
            }
        }
        assertThat(drift).isEmpty();
    }

    static boolean sameDocuments(Path a, Path b) throws IOException {
        return Rendered.parse(Files.readString(a, StandardCharsets.UTF_8))
                .equals(Rendered.parse(Files.readString(b, StandardCharsets.UTF_8)));
    }

    @Test
    void a_manifest_with_reordered_labels_is_the_same_but_a_changed_value_is_drift(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.yml");
        Path b = dir.resolve("b.yml");
        Path c = dir.resolve("c.yml");
        Files.writeString(a, "---\nkind: Service\nmetadata:\n  labels:\n    x: \"1\"\n    y: \"2\"\nspec:\n  ports: [80, 81]\n");
        Files.writeString(b, "---\nkind: Service\nmetadata:\n  labels:\n    y: \"2\"\n    x: \"1\"\nspec:\n  ports: [80, 81]\n");
        Files.writeString(c, "---\nkind: Service\nmetadata:\n  labels:\n    y: \"2\"\n    x: \"1\"\nspec:\n  ports: [81, 80]\n");
        assertThat(sameDocuments(a, b)).isTrue();
        assertThat(sameDocuments(a, c)).isFalse();
    }

    @Test
    void generating_twice_gives_the_same_files() {
        Repo repo = Repo.locate();
        assertThat(new Generator(repo).files()).isEqualTo(new Generator(repo).files());
    }
}
