package no.nystart.k8s;

import static no.nystart.k8s.Rendered.at;
import static no.nystart.k8s.Rendered.name;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.nystart.contracts.Topics;

/**
 * The checks every rendered overlay must pass. Each returns the problems it found (empty = fine), so
 * that ManifestChecksTest can show every check failing on a deliberately broken document.
 */
final class ManifestChecks {
    private ManifestChecks() {
    }

    /** kind → the only apiVersion we accept for it (typos in either are caught here). */
    static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Deployment", "apps/v1"), Map.entry("Service", "v1"), Map.entry("ServiceAccount", "v1"),
            Map.entry("ConfigMap", "v1"), Map.entry("Secret", "v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"), Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("PodDisruptionBudget", "policy/v1"), Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("Kafka", "kafka.strimzi.io/v1beta2"), Map.entry("KafkaNodePool", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1beta2"), Map.entry("KafkaUser", "kafka.strimzi.io/v1beta2"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"), Map.entry("ScheduledBackup", "postgresql.cnpg.io/v1"),
            Map.entry("Database", "postgresql.cnpg.io/v1"),
            Map.entry("Keycloak", "k8s.keycloak.org/v2alpha1"), Map.entry("KeycloakRealmImport", "k8s.keycloak.org/v2alpha1"),
            Map.entry("ExternalSecret", "external-secrets.io/v1"));

    static final Map<String, Class<? extends io.fabric8.kubernetes.api.model.HasMetadata>> TYPED = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ServiceAccount", ServiceAccount.class,
            "ConfigMap", ConfigMap.class, "Secret", Secret.class, "NetworkPolicy", NetworkPolicy.class,
            "Ingress", Ingress.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    // ---- every document parses -----------------------------------------------------------------

    static List<String> parse(Rendered r) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> d : r.docs) {
            String kind = (String) d.get("kind");
            String id = kind + " " + name(d);
            if (kind == null || name(d) == null || name(d).isBlank()) {
                problems.add("document without kind or metadata.name: " + d);
                continue;
            }
            String expected = API_VERSIONS.get(kind);
            if (expected == null) {
                problems.add(id + ": unexpected kind (add it to ManifestChecks.API_VERSIONS if intended)");
            } else if (!expected.equals(d.get("apiVersion"))) {
                problems.add(id + ": apiVersion " + d.get("apiVersion") + ", expected " + expected);
            }
            try {
                Class<?> type = TYPED.containsKey(kind) ? TYPED.get(kind) : GenericKubernetesResource.class;
                Object parsed = Rendered.JSON.convertValue(d, type);
                Objects.requireNonNull(parsed);
            } catch (IllegalArgumentException e) {
                problems.add(id + ": does not parse as " + kind + ": " + e.getMessage());
            }
        }
        return problems;
    }

    // ---- Deployments ----------------------------------------------------------------------------

    static List<String> deployments(Rendered r, List<ServiceConfig> services) {
        List<String> problems = new ArrayList<>();
        List<Deployment> deployments = r.typed("Deployment", Deployment.class);
        for (ServiceConfig s : services) {
            if (deployments.stream().noneMatch(d -> d.getMetadata().getName().equals(s.name()))) {
                problems.add("service " + s.name() + " has no Deployment");
            }
        }
        Set<String> providedSecrets = providedSecrets(r);
        Set<String> configMaps = new HashSet<>();
        r.ofKind("ConfigMap").forEach(c -> configMaps.add(name(c)));
        for (Deployment d : deployments) {
            String n = "Deployment " + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (pod.getContainers().size() != 1) {
                problems.add(n + ": expected exactly one container, found " + pod.getContainers().size());
                continue;
            }
            Container c = pod.getContainers().get(0);
            Optional<ContainerPort> http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst();
            if (http.isEmpty()) {
                problems.add(n + ": no container port named http");
                continue;
            }
            int port = http.get().getContainerPort();
            probe(problems, n, "livenessProbe", c.getLivenessProbe(), "/q/health/live", port);
            probe(problems, n, "readinessProbe", c.getReadinessProbe(), "/q/health/ready", port);
            ResourceRequirements res = c.getResources();
            for (String kindOf : List.of("requests", "limits")) {
                Map<String, Quantity> q = res == null ? null : "requests".equals(kindOf) ? res.getRequests() : res.getLimits();
                for (String what : List.of("cpu", "memory")) {
                    if (q == null || q.get(what) == null) {
                        problems.add(n + ": no resources." + kindOf + "." + what);
                    }
                }
            }
            PodSecurityContext psc = pod.getSecurityContext();
            SecurityContext sc = c.getSecurityContext();
            boolean nonRoot = (psc != null && Boolean.TRUE.equals(psc.getRunAsNonRoot()))
                    || (sc != null && Boolean.TRUE.equals(sc.getRunAsNonRoot()));
            if (!nonRoot) {
                problems.add(n + ": runAsNonRoot is not true");
            }
            boolean seccomp = (psc != null && psc.getSeccompProfile() != null
                    && "RuntimeDefault".equals(psc.getSeccompProfile().getType()))
                    || (sc != null && sc.getSeccompProfile() != null && "RuntimeDefault".equals(sc.getSeccompProfile().getType()));
            if (!seccomp) {
                problems.add(n + ": seccompProfile is not RuntimeDefault");
            }
            if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                problems.add(n + ": readOnlyRootFilesystem is not true");
            }
            if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                problems.add(n + ": allowPrivilegeEscalation is not false");
            }
            if (sc == null || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                    || !sc.getCapabilities().getDrop().contains("ALL")) {
                problems.add(n + ": capabilities do not drop ALL");
            }
            if (sc != null && sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null
                    && !sc.getCapabilities().getAdd().isEmpty()) {
                problems.add(n + ": adds capabilities " + sc.getCapabilities().getAdd());
            }
            Optional<VolumeMount> tmp = c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst();
            Optional<Volume> tmpVolume = tmp.flatMap(m -> pod.getVolumes().stream()
                    .filter(v -> v.getName().equals(m.getName())).findFirst());
            if (tmpVolume.isEmpty() || tmpVolume.get().getEmptyDir() == null) {
                problems.add(n + ": /tmp is not an emptyDir volume (the root filesystem is read-only)");
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(n + ": automountServiceAccountToken is not false");
            }
            String saName = pod.getServiceAccountName();
            Optional<ServiceAccount> sa = r.typed("ServiceAccount", ServiceAccount.class).stream()
                    .filter(a -> a.getMetadata().getName().equals(saName)).findFirst();
            if (saName == null || sa.isEmpty()) {
                problems.add(n + ": no ServiceAccount of its own (serviceAccountName " + saName + ")");
            } else if (!Boolean.FALSE.equals(sa.get().getAutomountServiceAccountToken())) {
                problems.add(n + ": ServiceAccount " + saName + " automounts its token");
            }
            if (c.getImage() == null || c.getImage().endsWith(":latest") || !c.getImage().contains(":")) {
                problems.add(n + ": image without a fixed tag: " + c.getImage());
            }
            boolean served = r.typed("Service", Service.class).stream().anyMatch(svc -> {
                Map<String, String> sel = svc.getSpec().getSelector();
                if (sel == null || sel.isEmpty() || !podLabels.entrySet().containsAll(sel.entrySet())) {
                    return false;
                }
                for (ServicePort sp : svc.getSpec().getPorts()) {
                    IntOrString t = sp.getTargetPort();
                    if (t != null && (Objects.equals(t.getIntVal(), port) || "http".equals(t.getStrVal()))) {
                        return true;
                    }
                }
                return false;
            });
            if (!served) {
                problems.add(n + ": no Service selects its pods on port " + port);
            }
            for (EnvFromSource ef : c.getEnvFrom()) {
                if (ef.getConfigMapRef() != null && !configMaps.contains(ef.getConfigMapRef().getName())) {
                    problems.add(n + ": envFrom ConfigMap " + ef.getConfigMapRef().getName() + " does not exist");
                }
                if (ef.getSecretRef() != null && !providedSecrets.contains(ef.getSecretRef().getName())) {
                    problems.add(n + ": envFrom Secret " + ef.getSecretRef().getName() + " is provided by nothing");
                }
            }
            for (EnvVar e : c.getEnv()) {
                if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                    String secret = e.getValueFrom().getSecretKeyRef().getName();
                    if (!providedSecrets.contains(secret)) {
                        problems.add(n + ": env " + e.getName() + " reads Secret " + secret
                                + ", which no ExternalSecret, KafkaUser or Kafka cluster provides");
                    }
                }
            }
        }
        return problems;
    }

    private static void probe(List<String> problems, String n, String which, Probe probe, String path, int port) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        if (get == null) {
            problems.add(n + ": no " + which);
            return;
        }
        if (!path.equals(get.getPath())) {
            problems.add(n + ": " + which + " path " + get.getPath() + ", expected " + path);
        }
        IntOrString p = get.getPort();
        if (p == null || !(Objects.equals(p.getIntVal(), port) || "http".equals(p.getStrVal()))) {
            problems.add(n + ": " + which + " port " + p + " is not the http port " + port);
        }
    }

    /** Secrets that something in the rendering creates: ExternalSecrets, Strimzi users and the cluster CA. */
    static Set<String> providedSecrets(Rendered r) {
        Set<String> s = new TreeSet<>();
        for (Map<String, Object> es : r.ofKind("ExternalSecret")) {
            Object target = at(es, "spec", "target", "name");
            s.add(target != null ? (String) target : name(es));
        }
        r.ofKind("KafkaUser").forEach(u -> s.add(name(u)));
        r.ofKind("Kafka").forEach(k -> s.add(name(k) + "-cluster-ca-cert"));
        r.ofKind("Secret").forEach(x -> s.add(name(x)));
        return s;
    }

    // ---- Kafka ------------------------------------------------------------------------------------

    record Acl(String type, String name, String pattern, Set<String> operations) {
    }

    @SuppressWarnings("unchecked")
    static List<Acl> acls(Map<String, Object> user) {
        List<Acl> acls = new ArrayList<>();
        List<Object> raw = at(user, "spec", "authorization", "acls");
        for (Object o : raw == null ? List.of() : raw) {
            Map<String, Object> a = (Map<String, Object>) o;
            Set<String> ops = new TreeSet<>();
            Object list = a.get("operations");
            if (list instanceof List<?> l) {
                l.forEach(x -> ops.add(String.valueOf(x)));
            }
            if (a.get("operation") != null) {
                ops.add(String.valueOf(a.get("operation")));
            }
            Object pattern = at(a, "resource", "patternType");
            acls.add(new Acl(at(a, "resource", "type"), at(a, "resource", "name"),
                    pattern == null ? "literal" : (String) pattern, ops));
        }
        return acls;
    }

    static List<String> serviceKafkaUsers(Rendered r, List<ServiceConfig> services) {
        List<String> problems = new ArrayList<>();
        Set<String> topics = new HashSet<>();
        for (Map<String, Object> t : r.ofKind("KafkaTopic")) {
            Object tn = at(t, "spec", "topicName");
            topics.add(tn != null ? (String) tn : name(t));
        }
        for (ServiceConfig s : services) {
            String from = " (derived from services/" + s.name() + "/src/main/resources/application.properties and "
                    + "the contracts; regenerate k8s/base/kafka with " + Generator.REGENERATE + ")";
            Optional<Map<String, Object>> user = r.ofKind("KafkaUser").stream()
                    .filter(u -> s.name().equals(name(u))).findFirst();
            if (user.isEmpty()) {
                problems.add("service " + s.name() + " has no KafkaUser" + from);
                continue;
            }
            String n = "KafkaUser " + s.name();
            if (!"scram-sha-512".equals(at(user.get(), "spec", "authentication", "type"))
                    || !"simple".equals(at(user.get(), "spec", "authorization", "type"))) {
                problems.add(n + ": needs scram-sha-512 authentication and simple authorization");
            }
            TreeSet<String> write = new TreeSet<>();
            TreeSet<String> read = new TreeSet<>();
            TreeSet<String> groups = new TreeSet<>();
            for (Acl a : acls(user.get())) {
                if (!"literal".equals(a.pattern()) || "*".equals(a.name())) {
                    problems.add(n + ": ACL on " + a.type() + " " + a.name() + " is not a literal name (" + a.pattern() + ")");
                }
                Set<String> allowed = "topic".equals(a.type()) ? Set.of("Read", "Write", "Describe")
                        : "group".equals(a.type()) ? Set.of("Read", "Describe") : Set.of();
                if (!allowed.containsAll(a.operations())) {
                    problems.add(n + ": operations " + a.operations() + " on " + a.type() + " " + a.name()
                            + " exceed least privilege " + allowed);
                }
                if ("topic".equals(a.type()) && a.operations().contains("Write")) {
                    write.add(a.name());
                }
                if ("topic".equals(a.type()) && a.operations().contains("Read")) {
                    read.add(a.name());
                }
                if ("group".equals(a.type()) && a.operations().contains("Read")) {
                    groups.add(a.name());
                }
            }
            compare(problems, n, "Write on topic", s.writeTopics(), write, from);
            compare(problems, n, "Read on topic", s.readTopics(), read, from);
            compare(problems, n, "Read on group", s.groups(), groups, from);
            for (String t : s.writeTopics()) {
                if (!topics.contains(t)) {
                    problems.add("topic " + t + " written by " + s.name() + " has no KafkaTopic" + from);
                }
            }
            for (String t : s.readTopics()) {
                if (!topics.contains(t)) {
                    problems.add("topic " + t + " read by " + s.name() + " has no KafkaTopic" + from);
                }
            }
        }
        return problems;
    }

    private static void compare(List<String> problems, String n, String what, Set<String> expected, Set<String> actual,
            String from) {
        for (String e : expected) {
            if (!actual.contains(e)) {
                problems.add(n + ": missing " + what + " " + e + from);
            }
        }
        for (String a : actual) {
            if (!expected.contains(a)) {
                problems.add(n + ": has " + what + " " + a + " that the service's configuration does not use" + from);
            }
        }
    }

    static List<String> countyKafkaUsers(Rendered r, List<Counties.County> counties) {
        List<String> problems = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        counties.forEach(c -> expected.add(c.kafkaUser()));
        Set<String> actual = new TreeSet<>();
        for (Map<String, Object> u : r.ofKind("KafkaUser")) {
            if (name(u).startsWith("county-")) {
                actual.add(name(u));
            }
        }
        if (!expected.equals(actual)) {
            problems.add("county KafkaUsers " + actual + " differ from the counties of the municipality data " + expected);
        }
        for (Counties.County c : counties) {
            Optional<Map<String, Object>> user = r.ofKind("KafkaUser").stream()
                    .filter(u -> c.kafkaUser().equals(name(u))).findFirst();
            if (user.isEmpty()) {
                continue;
            }
            String n = "KafkaUser " + c.kafkaUser();
            Set<String> readable = new TreeSet<>();
            boolean group = false;
            for (Acl a : acls(user.get())) {
                if (!Set.of("Read", "Describe").containsAll(a.operations())) {
                    problems.add(n + ": a county user may only read, has " + a.operations() + " on " + a.type() + " " + a.name());
                }
                if ("topic".equals(a.type())) {
                    if (!"literal".equals(a.pattern()) || !Topics.all().contains(a.name())) {
                        problems.add(n + ": topic ACL on " + a.name() + " (" + a.pattern() + ") is not a public topic");
                    }
                    readable.add(a.name());
                } else if ("group".equals(a.type())) {
                    if (!"prefix".equals(a.pattern()) || !c.groupPrefix().equals(a.name())) {
                        problems.add(n + ": group ACL " + a.name() + " (" + a.pattern() + ") must be the prefix " + c.groupPrefix());
                    }
                    group = true;
                } else {
                    problems.add(n + ": unexpected ACL resource " + a.type());
                }
            }
            if (!readable.containsAll(Topics.all())) {
                problems.add(n + ": cannot read every public topic, only " + readable);
            }
            if (!group) {
                problems.add(n + ": no consumer group prefix " + c.groupPrefix());
            }
        }
        return problems;
    }

    static List<String> kafkaCluster(Rendered r, int brokers, int replicas) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> kafkas = r.ofKind("Kafka");
        if (kafkas.size() != 1) {
            return List.of("expected one Kafka, found " + kafkas.size());
        }
        Map<String, Object> k = kafkas.get(0);
        if (at(k, "spec", "zookeeper") != null) {
            problems.add("Kafka " + name(k) + " uses ZooKeeper; NyStart runs KRaft");
        }
        if (!"simple".equals(at(k, "spec", "kafka", "authorization", "type"))) {
            problems.add("Kafka " + name(k) + ": authorization is not simple (ACLs would not be enforced)");
        }
        List<Map<String, Object>> listeners = at(k, "spec", "kafka", "listeners");
        for (Map<String, Object> l : listeners == null ? List.<Map<String, Object>>of() : listeners) {
            if (at(l, "authentication", "type") == null || !Boolean.TRUE.equals(l.get("tls"))) {
                problems.add("Kafka listener " + l.get("name") + " without TLS and authentication");
            }
        }
        int brokerCount = 0;
        int controllerCount = 0;
        for (Map<String, Object> pool : r.ofKind("KafkaNodePool")) {
            if (!name(k).equals(at(pool, "metadata", "labels", "strimzi.io/cluster"))) {
                problems.add("KafkaNodePool " + name(pool) + " does not belong to Kafka " + name(k));
            }
            List<Object> roles = at(pool, "spec", "roles");
            Number n = at(pool, "spec", "replicas");
            if (roles != null && roles.contains("broker")) {
                brokerCount += n.intValue();
            }
            if (roles != null && roles.contains("controller")) {
                controllerCount += n.intValue();
            }
        }
        if (brokerCount != brokers) {
            problems.add("expected " + brokers + " brokers, node pools have " + brokerCount);
        }
        if (controllerCount < 1 || controllerCount % 2 == 0) {
            problems.add("KRaft needs an odd number of controllers, node pools have " + controllerCount);
        }
        for (Map<String, Object> t : r.ofKind("KafkaTopic")) {
            Number rep = at(t, "spec", "replicas");
            Number parts = at(t, "spec", "partitions");
            Object retention = at(t, "spec", "config", "retention.ms");
            Number isr = at(t, "spec", "config", "min.insync.replicas");
            if (rep == null || rep.intValue() != replicas) {
                problems.add("KafkaTopic " + name(t) + ": replicas " + rep + ", expected " + replicas);
            }
            if (parts == null || parts.intValue() < 1) {
                problems.add("KafkaTopic " + name(t) + ": no partitions");
            }
            if (retention == null) {
                problems.add("KafkaTopic " + name(t) + ": retention.ms not stated");
            }
            if (rep != null && (isr == null || isr.intValue() > rep.intValue() || (rep.intValue() > 1 && isr.intValue() < 2))) {
                problems.add("KafkaTopic " + name(t) + ": min.insync.replicas " + isr + " does not fit replicas " + rep);
            }
        }
        for (String t : Topics.all()) {
            if (r.ofKind("KafkaTopic").stream().noneMatch(d -> t.equals(at(d, "spec", "topicName")))) {
                problems.add("public topic " + t + " has no KafkaTopic");
            }
        }
        return problems;
    }

    // ---- Secrets, databases, Keycloak -------------------------------------------------------------

    static List<String> secrets(Rendered r) {
        List<String> problems = new ArrayList<>();
        for (Secret s : r.typed("Secret", Secret.class)) {
            if ((s.getData() != null && !s.getData().isEmpty()) || (s.getStringData() != null && !s.getStringData().isEmpty())) {
                problems.add("Secret " + s.getMetadata().getName() + " carries data; secrets are referenced only "
                        + "(ExternalSecret or kubectl create secret, docs/deploy.md)");
            }
        }
        for (Map<String, Object> es : r.ofKind("ExternalSecret")) {
            Map<String, Object> data = at(es, "spec", "target", "template", "data");
            if (data != null) {
                for (Map.Entry<String, Object> e : data.entrySet()) {
                    String v = String.valueOf(e.getValue());
                    if (e.getKey().toLowerCase().contains("password") && !v.contains("{{")) {
                        problems.add("ExternalSecret " + name(es) + ": template key " + e.getKey() + " is a literal value");
                    }
                }
            }
        }
        return problems;
    }

    static List<String> databases(Rendered r, List<ServiceConfig> services, int instances) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> clusters = r.ofKind("Cluster");
        if (clusters.size() != 1) {
            return List.of("expected one CloudNativePG Cluster, found " + clusters.size());
        }
        Map<String, Object> cluster = clusters.get(0);
        Number n = at(cluster, "spec", "instances");
        if (n == null || n.intValue() != instances) {
            problems.add("Cluster " + name(cluster) + ": instances " + n + ", expected " + instances);
        }
        if (at(cluster, "spec", "backup", "barmanObjectStore", "destinationPath") == null) {
            problems.add("Cluster " + name(cluster) + ": no backup object store");
        }
        List<Map<String, Object>> roles = at(cluster, "spec", "managed", "roles");
        for (ServiceConfig s : services) {
            Optional<Map<String, Object>> role = (roles == null ? List.<Map<String, Object>>of() : roles).stream()
                    .filter(x -> s.dbRole().equals(x.get("name"))).findFirst();
            if (role.isEmpty()) {
                problems.add("service " + s.name() + ": no managed role " + s.dbRole() + " in Cluster " + name(cluster));
                continue;
            }
            String secret = at(role.get(), "passwordSecret", "name");
            boolean db = r.ofKind("Database").stream().anyMatch(d -> s.database().equals(at(d, "spec", "name"))
                    && s.dbRole().equals(at(d, "spec", "owner")) && name(cluster).equals(at(d, "spec", "cluster", "name")));
            if (!db) {
                problems.add("service " + s.name() + ": no Database " + s.database() + " owned by " + s.dbRole());
            }
            Optional<Deployment> dep = r.typed("Deployment", Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals(s.name())).findFirst();
            if (dep.isPresent()) {
                for (String env : List.of("NYSTART_DB_USER", "NYSTART_DB_PASSWORD")) {
                    String used = dep.get().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                            .filter(e -> env.equals(e.getName()) && e.getValueFrom() != null
                                    && e.getValueFrom().getSecretKeyRef() != null)
                            .map(e -> e.getValueFrom().getSecretKeyRef().getName()).findFirst().orElse(null);
                    if (!Objects.equals(used, secret)) {
                        problems.add("service " + s.name() + ": " + env + " comes from Secret " + used
                                + " but the database role's password is in " + secret);
                    }
                }
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    static List<String> keycloak(Rendered r, Set<String> localRealmRoles) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> kcs = r.ofKind("Keycloak");
        List<Map<String, Object>> imports = r.ofKind("KeycloakRealmImport");
        if (kcs.size() != 1 || imports.size() != 1) {
            return List.of("expected one Keycloak and one KeycloakRealmImport, found " + kcs.size() + " and " + imports.size());
        }
        Map<String, Object> imp = imports.get(0);
        if (!name(kcs.get(0)).equals(at(imp, "spec", "keycloakCRName"))) {
            problems.add("KeycloakRealmImport " + name(imp) + " does not import into Keycloak " + name(kcs.get(0)));
        }
        Map<String, Object> realm = at(imp, "spec", "realm");
        if (realm == null) {
            return List.of("KeycloakRealmImport " + name(imp) + " has no realm");
        }
        if (realm.get("users") != null) {
            problems.add("KeycloakRealmImport " + name(imp) + " carries users (dev-only; staff come from the identity providers)");
        }
        Set<String> roles = new TreeSet<>();
        List<Map<String, Object>> realmRoles = at(realm, "roles", "realm");
        (realmRoles == null ? List.<Map<String, Object>>of() : realmRoles).forEach(x -> roles.add((String) x.get("name")));
        if (!roles.equals(localRealmRoles)) {
            problems.add("realm roles " + roles + " differ from the local realm's " + localRealmRoles);
        }
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.getOrDefault("clients", List.of());
        for (Map<String, Object> c : clients) {
            // a secret may only be a placeholder the Keycloak operator fills from a Secret (spec.placeholders)
            if (c.get("secret") != null && !String.valueOf(c.get("secret")).matches("\\$\\{[A-Z0-9_]+}")) {
                problems.add("realm client " + c.get("clientId") + " carries a secret");
            }
            if (Boolean.TRUE.equals(c.get("directAccessGrantsEnabled"))) {
                problems.add("realm client " + c.get("clientId") + " allows the password grant");
            }
        }
        return problems;
    }

    // ---- traffic --------------------------------------------------------------------------------

    static List<String> networkPolicies(Rendered r, List<ServiceConfig> services, PortalConfig portal) {
        List<String> problems = new ArrayList<>();
        List<NetworkPolicy> policies = r.typed("NetworkPolicy", NetworkPolicy.class);
        boolean defaultDeny = policies.stream().anyMatch(p -> {
            var sel = p.getSpec().getPodSelector();
            boolean all = sel == null || ((sel.getMatchLabels() == null || sel.getMatchLabels().isEmpty())
                    && (sel.getMatchExpressions() == null || sel.getMatchExpressions().isEmpty()));
            return all && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                    && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty();
        });
        if (!defaultDeny) {
            problems.add("no default-deny NetworkPolicy (all pods, Ingress and Egress, no rules)");
        }
        for (Deployment d : r.typed("Deployment", Deployment.class)) {
            String n = "Deployment " + d.getMetadata().getName();
            boolean isPortal = portal.name().equals(d.getMetadata().getName());
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            int port = d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().stream()
                    .filter(p -> "http".equals(p.getName())).map(ContainerPort::getContainerPort).findFirst().orElse(-1);
            List<NetworkPolicy> mine = policies.stream().filter(p -> {
                var sel = p.getSpec().getPodSelector();
                return sel != null && sel.getMatchLabels() != null && !sel.getMatchLabels().isEmpty()
                        && labels.entrySet().containsAll(sel.getMatchLabels().entrySet());
            }).toList();
            boolean ingressAllowed = false;
            Set<String> egressTargets = new TreeSet<>();
            for (NetworkPolicy p : mine) {
                for (NetworkPolicyIngressRule rule : p.getSpec().getIngress()) {
                    if (rule.getFrom().isEmpty()) {
                        problems.add(n + ": NetworkPolicy " + p.getMetadata().getName() + " admits ingress from anywhere");
                    }
                    if (rule.getPorts().isEmpty()) {
                        problems.add(n + ": NetworkPolicy " + p.getMetadata().getName() + " admits ingress on every port");
                    }
                    for (NetworkPolicyPort pp : rule.getPorts()) {
                        if (pp.getPort() != null && (Objects.equals(pp.getPort().getIntVal(), port) || "http".equals(pp.getPort().getStrVal()))) {
                            ingressAllowed = true;
                        } else {
                            problems.add(n + ": NetworkPolicy " + p.getMetadata().getName() + " admits port " + pp.getPort());
                        }
                    }
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        boolean ingressNs = peer.getNamespaceSelector() != null && peer.getNamespaceSelector().getMatchLabels() != null
                                && "ingress-nginx".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
                        boolean fromPortal = peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                                && peer.getPodSelector().getMatchLabels() != null
                                && portal.name().equals(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
                        if (isPortal && !ingressNs) {
                            // browsers come through the ingress controller; nothing inside the namespace calls the portal
                            problems.add(n + ": NetworkPolicy " + p.getMetadata().getName() + " admits a peer other than "
                                    + "the ingress controller: " + peer);
                        } else if (!ingressNs && !fromPortal) {
                            problems.add(n + ": NetworkPolicy " + p.getMetadata().getName() + " admits a peer other than "
                                    + "the ingress controller or the staff portal: " + peer);
                        }
                    }
                }
                for (NetworkPolicyEgressRule rule : p.getSpec().getEgress()) {
                    if (rule.getTo().isEmpty() || rule.getPorts().isEmpty()) {
                        problems.add(n + ": NetworkPolicy " + p.getMetadata().getName() + " allows egress to anywhere or any port");
                        continue;
                    }
                    for (NetworkPolicyPeer peer : rule.getTo()) {
                        Map<String, String> sel = peer.getPodSelector() == null || peer.getPodSelector().getMatchLabels() == null
                                ? Map.of() : peer.getPodSelector().getMatchLabels();
                        if (isPortal) {
                            portalEgress(problems, n, peer, sel, rule.getPorts(), egressTargets);
                        } else if (peer.getIpBlock() != null) {
                            problems.add(n + ": egress to an IP block " + peer.getIpBlock().getCidr());
                        } else if (sel.containsKey("strimzi.io/cluster")) {
                            egressTargets.add("kafka");
                        } else if (sel.containsKey("cnpg.io/cluster")) {
                            egressTargets.add("postgresql");
                        } else if ("keycloak".equals(sel.get("app"))) {
                            egressTargets.add("keycloak");
                        } else if ("kube-dns".equals(sel.get("k8s-app"))) {
                            egressTargets.add("dns");
                        } else {
                            problems.add(n + ": egress to something other than Kafka, PostgreSQL, Keycloak or DNS: " + peer);
                        }
                    }
                }
            }
            if (!ingressAllowed) {
                problems.add(n + ": no NetworkPolicy admits the ingress controller to port " + port);
            }
            if (isPortal) {
                Set<String> expected = new TreeSet<>(Set.of("keycloak:8080", "dns:53"));
                services.forEach(s -> expected.add(s.name() + ":" + s.port()));
                if (!egressTargets.equals(expected)) {
                    problems.add(n + ": egress allowed to " + egressTargets + ", needs exactly " + expected
                            + " (the five services on their HTTP ports, Keycloak and DNS)");
                }
            } else if (!egressTargets.equals(Set.of("kafka", "postgresql", "keycloak", "dns"))) {
                problems.add(n + ": egress allowed to " + egressTargets + ", needs exactly Kafka, PostgreSQL, Keycloak and DNS");
            }
        }
        if (r.typed("Deployment", Deployment.class).stream().noneMatch(d -> portal.name().equals(d.getMetadata().getName()))) {
            problems.add("the staff portal has no Deployment, so its NetworkPolicies cannot be checked");
        }
        return problems;
    }

    /**
     * One egress peer of the staff portal: a service's pods (selected by name) on that service's HTTP port, Keycloak
     * on 8080 or DNS on 53; anything else (Kafka, PostgreSQL, an IP block, a whole namespace) is a problem.
     */
    private static void portalEgress(List<String> problems, String n, NetworkPolicyPeer peer, Map<String, String> sel,
            List<NetworkPolicyPort> ports, Set<String> targets) {
        Set<Integer> numbers = new TreeSet<>();
        for (NetworkPolicyPort pp : ports) {
            numbers.add(pp.getPort() == null || pp.getPort().getIntVal() == null ? -1 : pp.getPort().getIntVal());
        }
        String service = sel.get("app.kubernetes.io/name");
        if (peer.getIpBlock() != null) {
            problems.add(n + ": egress to an IP block " + peer.getIpBlock().getCidr());
        } else if ("keycloak".equals(sel.get("app")) && peer.getNamespaceSelector() == null && numbers.equals(Set.of(8080))) {
            targets.add("keycloak:8080");
        } else if ("kube-dns".equals(sel.get("k8s-app")) && numbers.equals(Set.of(53))) {
            targets.add("dns:53");
        } else if (service != null && peer.getNamespaceSelector() == null && sel.keySet().stream()
                .allMatch(k -> k.equals("app.kubernetes.io/name") || k.equals("app.kubernetes.io/part-of"))) {
            numbers.forEach(p -> targets.add(service + ":" + p));
        } else {
            problems.add(n + ": egress to something other than the five services, Keycloak or DNS: " + peer + " on " + numbers);
        }
    }

    /**
     * The staff portal's own Deployment: it exists, takes its OIDC client secret and cookie key from the ExternalSecret
     * nystart-portal-oidc, reaches each of the five services by its Service name, and has no database or Kafka
     * credentials (it owns no data), no database and no KafkaUser.
     */
    static List<String> portal(Rendered r, List<ServiceConfig> services, PortalConfig portal) {
        List<String> problems = new ArrayList<>();
        Optional<Deployment> dep = r.typed("Deployment", Deployment.class).stream()
                .filter(d -> portal.name().equals(d.getMetadata().getName())).findFirst();
        if (dep.isEmpty()) {
            return List.of("the staff portal has no Deployment " + portal.name()
                    + " (k8s/base/" + portal.name() + "/kubernetes.yml in k8s/base/kustomization.yaml)");
        }
        String n = "Deployment " + portal.name();
        Container c = dep.get().getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> secretOf = new java.util.TreeMap<>();
        Map<String, String> valueOf = new java.util.TreeMap<>();
        for (EnvVar e : c.getEnv()) {
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                secretOf.put(e.getName(), e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey());
            } else if (e.getValue() != null) {
                valueOf.put(e.getName(), e.getValue());
            }
        }
        for (Map.Entry<String, String> want : Map.of("NYSTART_PORTAL_CLIENT_SECRET", "nystart-portal-oidc/client-secret",
                "NYSTART_PORTAL_COOKIE_SECRET", "nystart-portal-oidc/cookie-secret").entrySet()) {
            if (!want.getValue().equals(secretOf.get(want.getKey()))) {
                problems.add(n + ": " + want.getKey() + " comes from " + secretOf.get(want.getKey()) + ", expected Secret "
                        + want.getValue().replace("/", " key "));
            }
        }
        for (String env : secretOf.keySet()) {
            if (env.startsWith("NYSTART_DB_") || env.startsWith("KAFKA_")) {
                problems.add(n + ": reads " + env + " from Secret " + secretOf.get(env) + "; the portal has no database and no Kafka");
            }
        }
        if (c.getEnvFrom().stream().noneMatch(ef -> ef.getConfigMapRef() != null
                && ef.getConfigMapRef().getName().startsWith("nystart-platform"))) {
            problems.add(n + ": no envFrom ConfigMap nystart-platform (NYSTART_OIDC_URL, JAVA_OPTS)");
        }
        // every service URL names a Service of the rendering whose port is the URL's (80 when none is given)
        Map<String, Service> svcs = new java.util.TreeMap<>();
        r.typed("Service", Service.class).forEach(x -> svcs.put(x.getMetadata().getName(), x));
        Set<String> reached = new TreeSet<>();
        for (Map.Entry<String, String> e : valueOf.entrySet()) {
            if (!e.getKey().startsWith("NYSTART_") || !e.getKey().endsWith("_URL")) {
                continue;
            }
            java.net.URI uri = java.net.URI.create(e.getValue());
            int urlPort = uri.getPort() == -1 ? 80 : uri.getPort();
            Service target = svcs.get(uri.getHost());
            if (target == null || target.getSpec().getPorts().stream().noneMatch(sp -> sp.getPort() == urlPort)) {
                problems.add(n + ": " + e.getKey() + "=" + e.getValue() + " names no Service port of the rendering");
            } else {
                reached.add(uri.getHost());
            }
        }
        Set<String> expected = new TreeSet<>();
        services.forEach(s -> expected.add(s.name()));
        if (!reached.equals(expected)) {
            problems.add(n + ": its service URLs reach " + reached + ", expected the five services " + expected);
        }
        if (r.ofKind("KafkaUser").stream().anyMatch(u -> portal.name().equals(name(u)))
                || r.ofKind("Database").stream().anyMatch(d -> portal.name().equals(at(d, "metadata", "labels", "app.kubernetes.io/name")))) {
            problems.add("the staff portal has a KafkaUser or a Database; it owns no data");
        }
        return problems;
    }

    static List<String> ingress(Rendered r, List<ServiceConfig> services) {
        List<String> problems = new ArrayList<>();
        List<Ingress> ingresses = r.typed("Ingress", Ingress.class);
        Set<String> backends = new TreeSet<>();
        for (Ingress i : ingresses) {
            String n = "Ingress " + i.getMetadata().getName();
            Map<String, String> ann = i.getMetadata().getAnnotations();
            if (ann == null || (ann.get("cert-manager.io/cluster-issuer") == null && ann.get("cert-manager.io/issuer") == null)) {
                problems.add(n + ": no cert-manager issuer annotation");
            }
            Set<String> tlsHosts = new TreeSet<>();
            i.getSpec().getTls().forEach(t -> tlsHosts.addAll(t.getHosts()));
            for (IngressRule rule : i.getSpec().getRules()) {
                if (!tlsHosts.contains(rule.getHost())) {
                    problems.add(n + ": host " + rule.getHost() + " has no TLS");
                }
                for (HTTPIngressPath p : rule.getHttp().getPaths()) {
                    backends.add(p.getBackend().getService().getName());
                }
            }
        }
        for (ServiceConfig s : services) {
            if (!backends.contains(s.name())) {
                problems.add("service " + s.name() + " is not reachable through an Ingress");
            }
        }
        if (!backends.contains(PortalConfig.NAME)) {
            problems.add("the staff portal (" + PortalConfig.NAME + ") is not reachable through an Ingress");
        }
        // every backend an Ingress names must be a Service of the rendering (a typo routes nowhere)
        Set<String> serviceNames = new TreeSet<>();
        r.typed("Service", Service.class).forEach(x -> serviceNames.add(x.getMetadata().getName()));
        for (String b : backends) {
            if (!serviceNames.contains(b) && !b.startsWith(Generator.KEYCLOAK)) {
                problems.add("an Ingress routes to " + b + ", which is no Service of the rendering");
            }
        }
        return problems;
    }

    // ---- per environment ----------------------------------------------------------------------

    static List<String> prod(Rendered r) {
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.typed("Deployment", Deployment.class)) {
            String name = d.getMetadata().getName();
            String n = "Deployment " + name;
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (d.getSpec().getReplicas() == null || d.getSpec().getReplicas() < 2) {
                problems.add(n + ": prod needs at least 2 replicas, has " + d.getSpec().getReplicas());
            }
            boolean hpa = r.typed("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class).stream()
                    .anyMatch(h -> name.equals(h.getSpec().getScaleTargetRef().getName())
                            && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                            && h.getSpec().getMinReplicas() != null && h.getSpec().getMinReplicas() >= 2
                            && h.getSpec().getMaxReplicas() >= h.getSpec().getMinReplicas());
            if (!hpa) {
                problems.add(n + ": no HorizontalPodAutoscaler with minReplicas >= 2");
            }
            boolean pdb = r.typed("PodDisruptionBudget", PodDisruptionBudget.class).stream().anyMatch(p -> {
                var sel = p.getSpec().getSelector();
                return sel != null && sel.getMatchLabels() != null && !sel.getMatchLabels().isEmpty()
                        && labels.entrySet().containsAll(sel.getMatchLabels().entrySet())
                        && (p.getSpec().getMinAvailable() != null || p.getSpec().getMaxUnavailable() != null);
            });
            if (!pdb) {
                problems.add(n + ": no PodDisruptionBudget selects its pods");
            }
            if (d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().isEmpty()) {
                problems.add(n + ": no topologySpreadConstraints");
            }
            String javaOpts = javaOpts(r, d);
            if (javaOpts == null || !javaOpts.contains("-XX:MaxRAMPercentage=")) {
                problems.add(n + ": JAVA_OPTS without -XX:MaxRAMPercentage (" + javaOpts + ")");
            }
        }
        return problems;
    }

    static List<String> dev(Rendered r) {
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.typed("Deployment", Deployment.class)) {
            if (!Objects.equals(d.getSpec().getReplicas(), 1)) {
                problems.add("Deployment " + d.getMetadata().getName() + ": dev runs 1 replica, has " + d.getSpec().getReplicas());
            }
        }
        return problems;
    }

    /** JAVA_OPTS as the container sees it: its env, else the ConfigMaps it takes its environment from. */
    static String javaOpts(Rendered r, Deployment d) {
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        for (EnvVar e : c.getEnv()) {
            if ("JAVA_OPTS".equals(e.getName()) && e.getValue() != null) {
                return e.getValue();
            }
        }
        for (EnvFromSource ef : c.getEnvFrom()) {
            if (ef.getConfigMapRef() != null) {
                for (ConfigMap cm : r.typed("ConfigMap", ConfigMap.class)) {
                    if (cm.getMetadata().getName().equals(ef.getConfigMapRef().getName()) && cm.getData() != null
                            && cm.getData().get("JAVA_OPTS") != null) {
                        return cm.getData().get("JAVA_OPTS");
                    }
                }
            }
        }
        return null;
    }
}
