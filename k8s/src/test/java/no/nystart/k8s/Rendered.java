package no.nystart.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** The documents of one rendered overlay, as plain maps (for deep copies and mutation) and typed. */
public final class Rendered {
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final YAMLMapper YAML = new YAMLMapper();

    final List<Map<String, Object>> docs;

    Rendered(List<Map<String, Object>> docs) {
        this.docs = docs;
    }

    /** Renders {@code k8s/overlays/<overlay>} with {@code kubectl kustomize} (offline, no cluster). */
    static Rendered overlay(Repo repo, String overlay) {
        return new Rendered(parse(kustomize(repo, "k8s/overlays/" + overlay)));
    }

    static String kustomize(Repo repo, String dir) {
        ProcessBuilder pb = new ProcessBuilder("kubectl", "kustomize", repo.resolve(dir).toString());
        pb.redirectErrorStream(false);
        try {
            Process p = pb.start();
            byte[] out;
            byte[] err;
            try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
                ByteArrayOutputStream eb = new ByteArrayOutputStream();
                Thread t = new Thread(() -> {
                    try {
                        e.transferTo(eb);
                    } catch (IOException ignored) {
                        // the exit code tells
                    }
                });
                t.start();
                out = o.readAllBytes();
                t.join();
                err = eb.toByteArray();
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl not found or not runnable (it is on the machine image; "
                    + "docs/deploy.md)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (MappingIterator<Object> it = YAML.readerFor(Object.class).readValues(yaml)) {
            while (it.hasNext()) {
                Object doc = it.next();
                if (doc != null) {
                    docs.add((Map<String, Object>) doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** A deep copy, to break on purpose in the tests of the checks. */
    @SuppressWarnings("unchecked")
    Rendered copy() {
        List<Map<String, Object>> copy = new ArrayList<>();
        for (Map<String, Object> d : docs) {
            copy.add(JSON.convertValue(d, Map.class));
        }
        return new Rendered(copy);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    <T extends HasMetadata> List<T> typed(String kind, Class<T> type) {
        return ofKind(kind).stream().map(d -> JSON.convertValue(d, type)).toList();
    }

    List<GenericKubernetesResource> generic(String kind) {
        return typed(kind, GenericKubernetesResource.class);
    }

    Map<String, Object> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> Objects.equals(name(d), name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    static String name(Map<String, Object> doc) {
        Object md = doc.get("metadata");
        return md instanceof Map<?, ?> m ? (String) ((Map<String, Object>) m).get("name") : null;
    }

    /** Navigates maps and lists: {@code at(doc, "spec", "template", "spec", "containers", 0)}. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, Object... path) {
        Object cur = node;
        for (Object p : path) {
            if (cur instanceof Map<?, ?> m) {
                cur = ((Map<String, Object>) m).get((String) p);
            } else if (cur instanceof List<?> l && p instanceof Integer i) {
                cur = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
        }
        return (T) cur;
    }
}
