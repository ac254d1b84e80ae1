package no.nystart.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the staff portal's Kubernetes resources are derived from: its application.properties (name, HTTP port and the
 * service URLs its generated Deployment gets). It has no database and no Kafka channel; it calls the five services'
 * REST APIs and Keycloak only.
 *
 * @param serviceUrls environment variable (e.g. {@code NYSTART_RECEPTION_URL}) → URL in the cluster
 */
public record PortalConfig(String name, int port, Map<String, String> serviceUrls) {
    public static final String NAME = "staff-portal";
    private static final String URL_VAR = "quarkus.kubernetes.env.vars.";

    public static PortalConfig read(Path portalDir) {
        Path file = portalDir.resolve("src/main/resources/application.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        String name = require(p, file, "quarkus.application.name");
        int port = Integer.parseInt(require(p, file, "quarkus.kubernetes.ports.http.container-port"));
        Map<String, String> urls = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(URL_VAR) && key.endsWith("-url")) {
                urls.put(key.substring(URL_VAR.length()).toUpperCase().replace('-', '_'), p.getProperty(key).trim());
            }
        }
        return new PortalConfig(name, port, Map.copyOf(urls));
    }

    private static String require(Properties p, Path file, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(file + " has no " + key
                    + " (the portal needs the '# --- Kubernetes' block, see docs/deploy.md)");
        }
        return v.trim();
    }
}
