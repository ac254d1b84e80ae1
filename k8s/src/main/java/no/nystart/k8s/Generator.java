package no.nystart.k8s;

import static no.nystart.k8s.Yaml.list;
import static no.nystart.k8s.Yaml.map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import no.nystart.contracts.Topics;

/**
 * Generates the k8s/ files that follow from other sources of truth, so that none of them is typed by
 * hand: Kafka topics and users (from the services' messaging configuration, the contracts and the
 * municipality data), the services' and the staff portal's NetworkPolicies, the CloudNativePG cluster
 * with one database per service, the ExternalSecret placeholders, the Keycloak realm import (from the
 * local stack's realm) and the prod overlay's HPA, PDB and topology spread of every service and the portal.
 *
 * <p>{@code main} writes them; GeneratedFilesTest fails when a committed file differs.
 */
public final class Generator {
    public static final String KAFKA_CLUSTER = "nystart";
    public static final String DB_CLUSTER = "nystart-db";
    public static final String KEYCLOAK = "nystart-keycloak";
    /** Partitions of every public topic: also the most consumer replicas of one group that get work. */
    public static final int PUBLIC_PARTITIONS = 6;
    /** 90 days: county systems that fall behind or start late can catch up within this window. */
    public static final long PUBLIC_RETENTION_MS = 90L * 24 * 3600 * 1000;
    /** 30 days to inspect and replay a poison record. */
    public static final long DLQ_RETENTION_MS = 30L * 24 * 3600 * 1000;
    public static final int PROD_MAX_REPLICAS = PUBLIC_PARTITIONS;

    public static final String REGENERATE = "./mvnw -B verify -pl k8s -Dnystart.k8s.regenerate=true";

    private final Repo repo;
    private final List<ServiceConfig> services;
    private final PortalConfig portal;

    public Generator(Repo repo) {
        this.repo = repo;
        this.services = repo.services();
        this.portal = repo.portal();
    }

    public static void main(String[] args) throws IOException {
        Repo repo = args.length > 0 ? new Repo(Path.of(args[0])) : Repo.locate();
        for (Map.Entry<String, String> f : new Generator(repo).files().entrySet()) {
            Path target = repo.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + f.getKey());
        }
        for (Map.Entry<String, Path> m : new Generator(repo).serviceManifests().entrySet()) {
            if (!Files.isRegularFile(m.getValue())) {
                throw new IllegalStateException(m.getValue() + " is missing: build the service first (./mvnw -B package -pl "
                        + repo.root().relativize(m.getValue().getParent().getParent().getParent()) + ")");
            }
            Path target = repo.resolve(m.getKey());
            if (Files.isRegularFile(target) && sameDocuments(m.getValue(), target)) {
                continue; // only the order of labels differs (quarkus-kubernetes does not keep it stable)
            }
            Files.createDirectories(target.getParent());
            Files.copy(m.getValue(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("copied " + repo.root().relativize(m.getValue()) + " to " + m.getKey());
        }
    }

    /** True when both files hold the same YAML documents (maps compared without key order). */
    public static boolean sameDocuments(Path a, Path b) throws IOException {
        return Yaml.MAPPER.readerFor(Object.class).readValues(Files.readString(a, StandardCharsets.UTF_8)).readAll()
                .equals(Yaml.MAPPER.readerFor(Object.class).readValues(Files.readString(b, StandardCharsets.UTF_8)).readAll());
    }

    /** Committed manifest (repository-relative) → the one quarkus-kubernetes generated in the service's target/. */
    public Map<String, Path> serviceManifests() {
        Map<String, Path> m = new LinkedHashMap<>();
        for (Path dir : repo.manifestDirs()) {
            String name = dir.equals(repo.portalDir()) ? portal.name() : ServiceConfig.read(dir).name();
            m.put("k8s/base/" + name + "/kubernetes.yml", dir.resolve("target/kubernetes/kubernetes.yml"));
        }
        return m;
    }

    /** Repository-relative path → content of every generated file. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("k8s/base/kafka/topics.yaml", doc("the public topics (contracts' Topics) and every dead-letter topic of the services' "
                + "incoming channels", topics()));
        files.put("k8s/base/kafka/users-services.yaml", doc("one KafkaUser per service, ACLs derived from its "
                + "application.properties (mp.messaging.*) and the topic it publishes (contracts' Topics)", serviceUsers()));
        files.put("k8s/base/kafka/users-counties.yaml", doc("one read-only KafkaUser per county (fylke) of "
                + "platform/validation/.../kommuner-2024.csv", countyUsers()));
        files.put("k8s/base/network/services.yaml", doc("per-service and staff portal NetworkPolicies (the namespace "
                + "default is deny, k8s/base/network/default.yaml)", networkPolicies()));
        files.put("k8s/base/postgres/cluster.yaml", doc("the CloudNativePG cluster: one role and one database per service",
                postgres()));
        files.put("k8s/base/secrets/external-secrets.yaml", doc("ExternalSecret placeholders: the values live in the "
                + "secret store, never in this repository (docs/deploy.md)", externalSecrets()));
        files.put("k8s/base/keycloak/realm-import.yaml", doc("KeycloakRealmImport built from deploy/local/keycloak/"
                + "nystart-realm.json without its dev-only users, secrets and password grant", List.of(realmImport())));
        files.put("k8s/base/ingress-api.yaml", doc("the public REST APIs: https://api.<host>/<service>/... routed to "
                + "each service (prefix stripped), TLS from cert-manager", List.of(apiIngress())));
        files.put("k8s/overlays/prod/services-scaling.yaml", doc("prod: HorizontalPodAutoscaler and PodDisruptionBudget per "
                + "service and for the staff portal", prodScaling()));
        files.put("k8s/overlays/prod/topology-spread.yaml", doc("prod patch: spread the pods of each service and of the "
                + "staff portal over zones and nodes", topologySpread()));
        return files;
    }

    private static String doc(String what, List<? extends Map<String, Object>> docs) {
        return Yaml.documents("GENERATED by no.nystart.k8s.Generator: " + what + ".\n"
                + "Do not edit; regenerate with: " + REGENERATE, docs);
    }

    // ---- Kafka -------------------------------------------------------------------------------

    private static Map<String, Object> kafkaLabels() {
        return map("strimzi.io/cluster", KAFKA_CLUSTER, "app.kubernetes.io/part-of", "nystart");
    }

    List<Map<String, Object>> topics() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String topic : Topics.all()) {
            docs.add(topic(topic, PUBLIC_PARTITIONS, PUBLIC_RETENTION_MS, "public"));
        }
        TreeSet<String> dlqs = new TreeSet<>();
        services.forEach(s -> dlqs.addAll(s.deadLetterTopics()));
        for (String dlq : dlqs) {
            docs.add(topic(dlq, 1, DLQ_RETENTION_MS, "dead-letter"));
        }
        return docs;
    }

    private static Map<String, Object> topic(String name, int partitions, long retentionMs, String kind) {
        Map<String, Object> labels = kafkaLabels();
        labels.put("nystart.no/topic-kind", kind);
        return map("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaTopic",
                "metadata", map("name", name, "labels", labels),
                "spec", map("topicName", name, "partitions", partitions, "replicas", 3,
                        "config", map("retention.ms", retentionMs, "cleanup.policy", "delete",
                                "min.insync.replicas", 2)));
    }

    private static Map<String, Object> acl(String type, String name, String patternType, String... operations) {
        return map("resource", map("type", type, "name", name, "patternType", patternType),
                "operations", list((Object[]) operations), "host", "*");
    }

    List<Map<String, Object>> serviceUsers() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (ServiceConfig s : services) {
            List<Object> acls = new ArrayList<>();
            s.writeTopics().forEach(t -> acls.add(acl("topic", t, "literal", "Write", "Describe")));
            s.readTopics().forEach(t -> acls.add(acl("topic", t, "literal", "Read", "Describe")));
            s.groups().forEach(g -> acls.add(acl("group", g, "literal", "Read")));
            Map<String, Object> labels = kafkaLabels();
            labels.put("app.kubernetes.io/name", s.name());
            docs.add(map("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaUser",
                    "metadata", map("name", s.name(), "labels", labels),
                    "spec", map("authentication", map("type", "scram-sha-512"),
                            "authorization", map("type", "simple", "acls", acls))));
        }
        return docs;
    }

    List<Map<String, Object>> countyUsers() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Counties.County c : Counties.read(repo.municipalities())) {
            List<Object> acls = new ArrayList<>();
            Topics.all().forEach(t -> acls.add(acl("topic", t, "literal", "Read", "Describe")));
            acls.add(acl("group", c.groupPrefix(), "prefix", "Read"));
            Map<String, Object> labels = kafkaLabels();
            labels.put("nystart.no/county", c.number());
            docs.add(map("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaUser",
                    "metadata", map("name", c.kafkaUser(), "labels", labels,
                            "annotations", map("nystart.no/county-name", c.name())),
                    "spec", map("authentication", map("type", "scram-sha-512"),
                            "authorization", map("type", "simple", "acls", acls))));
        }
        return docs;
    }

    // ---- NetworkPolicies ---------------------------------------------------------------------

    private static Map<String, Object> port(int port, String protocol) {
        return map("protocol", protocol, "port", port);
    }

    List<Map<String, Object>> networkPolicies() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (ServiceConfig s : services) {
            Map<String, Object> selector = map("matchLabels", map("app.kubernetes.io/name", s.name()));
            docs.add(map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                    "metadata", map("name", s.name() + "-ingress", "labels", map("app.kubernetes.io/part-of", "nystart")),
                    "spec", map("podSelector", selector, "policyTypes", list("Ingress"),
                            "ingress", list(map(
                                    "from", list(
                                            map("namespaceSelector", map("matchLabels",
                                                    map("kubernetes.io/metadata.name", "ingress-nginx"))),
                                            map("podSelector", map("matchLabels",
                                                    map("app.kubernetes.io/name", PortalConfig.NAME)))),
                                    "ports", list(port(s.port(), "TCP")))))));
            docs.add(map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                    "metadata", map("name", s.name() + "-egress", "labels", map("app.kubernetes.io/part-of", "nystart")),
                    "spec", map("podSelector", selector, "policyTypes", list("Egress"),
                            "egress", list(
                                    map("to", list(map("podSelector", map("matchLabels",
                                                    map("strimzi.io/cluster", KAFKA_CLUSTER, "strimzi.io/kind", "Kafka")))),
                                            "ports", list(port(9093, "TCP"))),
                                    map("to", list(map("podSelector", map("matchLabels",
                                                    map("cnpg.io/cluster", DB_CLUSTER)))),
                                            "ports", list(port(5432, "TCP"))),
                                    keycloakEgress(),
                                    dnsEgress()))));
        }
        docs.addAll(portalNetworkPolicies());
        return docs;
    }

    private static Map<String, Object> keycloakEgress() {
        return map("to", list(map("podSelector", map("matchLabels",
                        map("app", "keycloak", "app.kubernetes.io/instance", KEYCLOAK)))),
                "ports", list(port(8080, "TCP")));
    }

    private static Map<String, Object> dnsEgress() {
        return map("to", list(map(
                        "namespaceSelector", map("matchLabels", map("kubernetes.io/metadata.name", "kube-system")),
                        "podSelector", map("matchLabels", map("k8s-app", "kube-dns")))),
                "ports", list(port(53, "UDP"), port(53, "TCP")));
    }

    /**
     * The staff portal: browsers reach it through the ingress controller only; it reaches only the five services'
     * pods on their HTTP ports (each with the user's own token), Keycloak (code flow, token refresh, JWKS) and DNS.
     * No Kafka, no PostgreSQL: it owns no data.
     */
    List<Map<String, Object>> portalNetworkPolicies() {
        Map<String, Object> selector = map("matchLabels", map("app.kubernetes.io/name", portal.name()));
        List<Object> egress = new ArrayList<>();
        for (ServiceConfig s : services) {
            egress.add(map("to", list(map("podSelector", map("matchLabels",
                            map("app.kubernetes.io/name", s.name(), "app.kubernetes.io/part-of", "nystart")))),
                    "ports", list(port(s.port(), "TCP"))));
        }
        egress.add(keycloakEgress());
        egress.add(dnsEgress());
        return List.of(
                map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                        "metadata", map("name", portal.name() + "-ingress", "labels", map("app.kubernetes.io/part-of", "nystart")),
                        "spec", map("podSelector", selector, "policyTypes", list("Ingress"),
                                "ingress", list(map(
                                        "from", list(map("namespaceSelector", map("matchLabels",
                                                map("kubernetes.io/metadata.name", "ingress-nginx")))),
                                        "ports", list(port(portal.port(), "TCP")))))),
                map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                        "metadata", map("name", portal.name() + "-egress", "labels", map("app.kubernetes.io/part-of", "nystart")),
                        "spec", map("podSelector", selector, "policyTypes", list("Egress"), "egress", egress)));
    }

    // ---- PostgreSQL --------------------------------------------------------------------------

    List<Map<String, Object>> postgres() {
        List<Object> roles = new ArrayList<>();
        for (ServiceConfig s : services) {
            roles.add(map("name", s.dbRole(), "ensure", "present", "login", true, "inherit", true,
                    "comment", "owner of database " + s.database() + " (" + s.name() + ")",
                    "passwordSecret", map("name", s.dbSecret())));
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        docs.add(map("apiVersion", "postgresql.cnpg.io/v1", "kind", "Cluster",
                "metadata", map("name", DB_CLUSTER, "labels", map("app.kubernetes.io/part-of", "nystart")),
                "spec", map(
                        "instances", 3,
                        "enableSuperuserAccess", false,
                        "storage", map("size", "20Gi"),
                        "postgresql", map("parameters", map("max_connections", "200", "timezone", "Europe/Oslo")),
                        // Keycloak's database is the bootstrap database; the services' come from Database resources
                        "bootstrap", map("initdb", map("database", "keycloak", "owner", "keycloak",
                                "secret", map("name", "nystart-db-keycloak"))),
                        "managed", map("roles", roles),
                        "backup", map(
                                "retentionPolicy", "30d",
                                "barmanObjectStore", map(
                                        "destinationPath", "s3://REPLACE-WITH-BACKUP-BUCKET/nystart-db",
                                        "endpointURL", "https://REPLACE-WITH-OBJECT-STORE-ENDPOINT",
                                        "s3Credentials", map(
                                                "accessKeyId", map("name", "nystart-db-backup", "key", "ACCESS_KEY_ID"),
                                                "secretAccessKey", map("name", "nystart-db-backup", "key", "ACCESS_SECRET_KEY")),
                                        "wal", map("compression", "gzip"),
                                        "data", map("compression", "gzip"))))));
        docs.add(map("apiVersion", "postgresql.cnpg.io/v1", "kind", "ScheduledBackup",
                "metadata", map("name", DB_CLUSTER + "-daily", "labels", map("app.kubernetes.io/part-of", "nystart")),
                "spec", map("schedule", "0 0 2 * * *", "backupOwnerReference", "self",
                        "cluster", map("name", DB_CLUSTER))));
        for (ServiceConfig s : services) {
            docs.add(map("apiVersion", "postgresql.cnpg.io/v1", "kind", "Database",
                    "metadata", map("name", DB_CLUSTER + "-" + s.name(),
                            "labels", map("app.kubernetes.io/part-of", "nystart", "app.kubernetes.io/name", s.name())),
                    "spec", map("name", s.database(), "owner", s.dbRole(), "ensure", "present",
                            "cluster", map("name", DB_CLUSTER))));
        }
        return docs;
    }

    // ---- Secrets (references only) -----------------------------------------------------------

    private static Map<String, Object> externalSecret(String name, String remoteKey, Map<String, Object> template,
            List<Object> data) {
        return map("apiVersion", "external-secrets.io/v1", "kind", "ExternalSecret",
                "metadata", map("name", name, "labels", map("app.kubernetes.io/part-of", "nystart")),
                "spec", map("refreshInterval", "1h",
                        "secretStoreRef", map("kind", "ClusterSecretStore", "name", "nystart-secret-store"),
                        "target", map("name", name, "creationPolicy", "Owner", "template", template),
                        "data", data));
    }

    private static Map<String, Object> ref(String secretKey, String remoteKey, String property) {
        return map("secretKey", secretKey, "remoteRef", map("key", remoteKey, "property", property));
    }

    List<Map<String, Object>> externalSecrets() {
        List<Map<String, Object>> docs = new ArrayList<>();
        List<String[]> dbUsers = new ArrayList<>();
        dbUsers.add(new String[] {"nystart-db-keycloak", "keycloak", "nystart/postgres/keycloak"});
        for (ServiceConfig s : services) {
            dbUsers.add(new String[] {s.dbSecret(), s.dbRole(), "nystart/postgres/" + s.name()});
        }
        for (String[] u : dbUsers) {
            docs.add(externalSecret(u[0], u[2],
                    map("type", "kubernetes.io/basic-auth",
                            // CloudNativePG reloads a role's password when its secret changes
                            "metadata", map("labels", map("cnpg.io/reload", "true")),
                            "data", map("username", u[1], "password", "{{ .password }}")),
                    list(ref("password", u[2], "password"))));
        }
        // the staff portal's OIDC client secret (also given to Keycloak's realm import as a placeholder) and the key
        // that encrypts its session cookies and signs its CSRF tokens
        docs.add(externalSecret("nystart-portal-oidc", "nystart/staff-portal/oidc",
                map("type", "Opaque"),
                list(ref("client-secret", "nystart/staff-portal/oidc", "client-secret"),
                        ref("cookie-secret", "nystart/staff-portal/oidc", "cookie-secret"))));
        docs.add(externalSecret("nystart-db-backup", "nystart/postgres/backup-object-store",
                map("type", "Opaque"),
                list(ref("ACCESS_KEY_ID", "nystart/postgres/backup-object-store", "access-key-id"),
                        ref("ACCESS_SECRET_KEY", "nystart/postgres/backup-object-store", "secret-access-key"))));
        return docs;
    }

    // ---- Keycloak ----------------------------------------------------------------------------

    /** The realm import's placeholder for the portal's client secret (Keycloak operator: spec.placeholders). */
    static final String PORTAL_SECRET_PLACEHOLDER = "NYSTART_PORTAL_CLIENT_SECRET";

    Map<String, Object> realmImport() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm;
        try {
            realm = (ObjectNode) json.readTree(repo.localRealm().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Dev-only parts of the local realm stay out of every cluster: users and their passwords (staff
        // come from the municipalities' and IMDi's identity providers, docs/deploy.md), client secrets
        // (Keycloak generates them) and the password grant.
        realm.remove("users");
        realm.put("displayName", "NyStart");
        realm.put("bruteForceProtected", true);
        realm.put("accessTokenLifespan", 300);
        realm.put("ssoSessionIdleTimeout", 1800);
        realm.put("ssoSessionMaxLifespan", 36000);
        for (var client : (ArrayNode) realm.get("clients")) {
            ObjectNode c = (ObjectNode) client;
            c.remove("secret");
            c.put("directAccessGrantsEnabled", false);
            if (c.has("name")) {
                c.put("name", c.get("name").asText().replaceAll("\\s*\\(DEV ONLY[^)]*\\)", ""));
            }
            if ("nystart-portal".equals(c.path("clientId").asText())) {
                // the confidential client of the staff portal: the cluster's host only, its secret by placeholder
                c.put("description", "Confidential client of the staff portal (authorization-code flow with PKCE, "
                        + "RP-initiated logout); secret from the secret store.");
                c.put("secret", "${" + PORTAL_SECRET_PLACEHOLDER + "}");
                c.putArray("redirectUris").add("https://portal.nystart.example/*");
                c.putArray("webOrigins").add("+");
            }
            if ("nystart-staff".equals(c.path("clientId").asText())) {
                // the staff portal signs users in with the authorization code flow (PKCE)
                c.put("description", "Public client of the staff portal (authorization code flow with PKCE).");
                c.put("standardFlowEnabled", true);
                c.putArray("redirectUris").add("https://portal.nystart.example/*");
                c.putArray("webOrigins").add("+");
                c.putObject("attributes").put("pkce.code.challenge.method", "S256");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> realmMap = json.convertValue(realm, LinkedHashMap.class);
        return map("apiVersion", "k8s.keycloak.org/v2alpha1", "kind", "KeycloakRealmImport",
                "metadata", map("name", "nystart-realm", "labels", map("app.kubernetes.io/part-of", "nystart")),
                "spec", map("keycloakCRName", KEYCLOAK, "realm", realmMap,
                        // the portal's client secret comes from the secret store (ExternalSecret nystart-portal-oidc)
                        "placeholders", map(PORTAL_SECRET_PLACEHOLDER,
                                map("secret", map("name", "nystart-portal-oidc", "key", "client-secret")))));
    }

    // ---- Ingress -----------------------------------------------------------------------------

    Map<String, Object> apiIngress() {
        List<Object> paths = new ArrayList<>();
        for (ServiceConfig s : services) {
            paths.add(map("path", "/" + s.name() + "(/|$)(.*)", "pathType", "ImplementationSpecific",
                    "backend", map("service", map("name", s.name(), "port", map("name", "http")))));
        }
        return map("apiVersion", "networking.k8s.io/v1", "kind", "Ingress",
                "metadata", map("name", "nystart-api", "labels", map("app.kubernetes.io/part-of", "nystart"),
                        "annotations", map("cert-manager.io/cluster-issuer", "nystart-issuer",
                                "nginx.ingress.kubernetes.io/ssl-redirect", "true",
                                "nginx.ingress.kubernetes.io/use-regex", "true",
                                "nginx.ingress.kubernetes.io/rewrite-target", "/$2")),
                "spec", map("ingressClassName", "nginx",
                        "tls", list(map("hosts", list("api.nystart.example"), "secretName", "nystart-api-tls")),
                        "rules", list(map("host", "api.nystart.example", "http", map("paths", paths)))));
    }

    // ---- prod scaling ------------------------------------------------------------------------

    /** The Deployments NyStart's own code runs in: the services, then the staff portal. */
    private List<String> deploymentNames() {
        List<String> names = new ArrayList<>();
        services.forEach(s -> names.add(s.name()));
        names.add(portal.name());
        return names;
    }

    List<Map<String, Object>> prodScaling() {
        List<Map<String, Object>> docs = new ArrayList<>();
        // the portal scales between the same bounds (it is stateless: sessions live in the encrypted cookie)
        for (String name : deploymentNames()) {
            Map<String, Object> labels = map("app.kubernetes.io/name", name, "app.kubernetes.io/part-of", "nystart");
            docs.add(map("apiVersion", "autoscaling/v2", "kind", "HorizontalPodAutoscaler",
                    "metadata", map("name", name, "labels", labels),
                    "spec", map("scaleTargetRef", map("apiVersion", "apps/v1", "kind", "Deployment", "name", name),
                            "minReplicas", 2, "maxReplicas", PROD_MAX_REPLICAS,
                            "metrics", list(map("type", "Resource", "resource", map("name", "cpu",
                                    "target", map("type", "Utilization", "averageUtilization", 70)))))));
            docs.add(map("apiVersion", "policy/v1", "kind", "PodDisruptionBudget",
                    "metadata", map("name", name, "labels", labels),
                    "spec", map("minAvailable", 1,
                            "selector", map("matchLabels", map("app.kubernetes.io/name", name,
                                    "app.kubernetes.io/part-of", "nystart")))));
        }
        return docs;
    }

    List<Map<String, Object>> topologySpread() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String name : deploymentNames()) {
            Map<String, Object> selector = map("matchLabels", map("app.kubernetes.io/name", name));
            docs.add(map("apiVersion", "apps/v1", "kind", "Deployment", "metadata", map("name", name),
                    "spec", map("template", map("spec", map("topologySpreadConstraints", list(
                            map("maxSkew", 1, "topologyKey", "topology.kubernetes.io/zone",
                                    "whenUnsatisfiable", "ScheduleAnyway", "labelSelector", selector),
                            map("maxSkew", 1, "topologyKey", "kubernetes.io/hostname",
                                    "whenUnsatisfiable", "ScheduleAnyway", "labelSelector", selector)))))));
        }
        return docs;
    }

    public List<ServiceConfig> services() {
        return services;
    }

    public PortalConfig portal() {
        return portal;
    }
}
