package no.nystart.k8s;

import static no.nystart.k8s.Rendered.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every check fails on a deliberately broken copy of the rendered prod overlay, so a green
 * RenderedOverlaysTest means something.
 */
class ManifestChecksTest {
    static Repo repo;
    static List<ServiceConfig> services;
    static PortalConfig portal;
    static Rendered prod;

    @BeforeAll
    static void render() {
        repo = Repo.locate();
        services = repo.services();
        portal = repo.portal();
        prod = Rendered.overlay(repo, "prod");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> container(Rendered r, String deployment) {
        return (Map<String, Object>) at(r.find("Deployment", deployment), "spec", "template", "spec", "containers", 0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapAt(Object node, Object... path) {
        return (Map<String, Object>) at(node, path);
    }

    @Test
    void the_unbroken_prod_overlay_passes() {
        assertThat(ManifestChecks.deployments(prod, services)).isEmpty();
        assertThat(ManifestChecks.serviceKafkaUsers(prod, services)).isEmpty();
        assertThat(ManifestChecks.portal(prod, services, portal)).isEmpty();
        assertThat(ManifestChecks.networkPolicies(prod, services, portal)).isEmpty();
        assertThat(ManifestChecks.ingress(prod, services)).isEmpty();
    }

    @Test
    void a_document_that_does_not_parse_or_has_a_wrong_api_version_is_reported() {
        Rendered broken = prod.copy();
        mapAt(broken.find("Deployment", "settlement"), "spec").put("replicas", "many");
        broken.find("KafkaUser", "settlement").put("apiVersion", "kafka.strimzi.io/v1alpha9");
        assertThat(ManifestChecks.parse(broken))
                .anySatisfy(p -> assertThat(p).startsWith("Deployment settlement: does not parse"))
                .anySatisfy(p -> assertThat(p).contains("KafkaUser settlement: apiVersion kafka.strimzi.io/v1alpha9"));
    }

    @Test
    void a_deployment_without_readiness_probe_limits_or_hardening_is_reported() {
        Rendered broken = prod.copy();
        Map<String, Object> c = container(broken, "reception-training");
        c.remove("readinessProbe");
        mapAt(c, "resources").remove("limits");
        mapAt(c, "securityContext").put("readOnlyRootFilesystem", false);
        mapAt(c, "securityContext").put("allowPrivilegeEscalation", true);
        mapAt(c, "securityContext", "capabilities").put("drop", new ArrayList<>(List.of("NET_RAW")));
        mapAt(broken.find("Deployment", "reception-training"), "spec", "template", "spec").put("automountServiceAccountToken", true);
        assertThat(ManifestChecks.deployments(broken, services)).containsExactlyInAnyOrder(
                "Deployment reception-training: no readinessProbe",
                "Deployment reception-training: no resources.limits.cpu",
                "Deployment reception-training: no resources.limits.memory",
                "Deployment reception-training: readOnlyRootFilesystem is not true",
                "Deployment reception-training: allowPrivilegeEscalation is not false",
                "Deployment reception-training: capabilities do not drop ALL",
                "Deployment reception-training: automountServiceAccountToken is not false");
    }

    @Test
    void a_deployment_without_a_matching_service_or_with_a_wrong_liveness_path_is_reported() {
        Rendered broken = prod.copy();
        broken.docs.remove(broken.find("Service", "grant-accounting"));
        mapAt(container(broken, "grant-accounting"), "livenessProbe", "httpGet").put("path", "/q/health");
        assertThat(ManifestChecks.deployments(broken, services)).containsExactlyInAnyOrder(
                "Deployment grant-accounting: livenessProbe path /q/health, expected /q/health/live",
                "Deployment grant-accounting: no Service selects its pods on port 8085");
    }

    @Test
    void a_pod_running_as_root_without_seccomp_or_tmp_volume_is_reported() {
        Rendered broken = prod.copy();
        Map<String, Object> pod = mapAt(broken.find("Deployment", "settlement"), "spec", "template", "spec");
        pod.put("securityContext", new LinkedHashMap<>());
        mapAt(container(broken, "settlement"), "securityContext").remove("runAsNonRoot");
        mapAt(container(broken, "settlement"), "securityContext").remove("seccompProfile");
        container(broken, "settlement").remove("volumeMounts");
        assertThat(ManifestChecks.deployments(broken, services)).containsExactlyInAnyOrder(
                "Deployment settlement: runAsNonRoot is not true",
                "Deployment settlement: seccompProfile is not RuntimeDefault",
                "Deployment settlement: /tmp is not an emptyDir volume (the root filesystem is read-only)");
    }

    @Test
    void a_secret_reference_nothing_provides_is_reported() {
        Rendered broken = prod.copy();
        broken.docs.remove(broken.find("ExternalSecret", "nystart-db-adult-education"));
        assertThat(ManifestChecks.deployments(broken, services))
                .contains("Deployment adult-education: env NYSTART_DB_USER reads Secret nystart-db-adult-education, "
                        + "which no ExternalSecret, KafkaUser or Kafka cluster provides");
    }

    @Test
    void a_new_consumer_channel_without_its_acls_fails_the_build() {
        // a service starts consuming grants.events.v1 (a new mp.messaging.incoming channel) ...
        List<ServiceConfig> withNewChannel = new ArrayList<>();
        for (ServiceConfig s : services) {
            if (s.name().equals("settlement")) {
                List<ServiceConfig.Incoming> in = new ArrayList<>(s.incoming());
                in.add(new ServiceConfig.Incoming("grant-events", "grants.events.v1", "settlement",
                        "grants.events.v1.dlq.settlement"));
                s = new ServiceConfig(s.name(), s.port(), s.database(), in, s.outgoingTopics(), s.producedTopics());
            }
            withNewChannel.add(s);
        }
        // ... but the KafkaUser was not regenerated
        assertThat(ManifestChecks.serviceKafkaUsers(prod, withNewChannel))
                .anySatisfy(p -> assertThat(p).startsWith("KafkaUser settlement: missing Read on topic grants.events.v1"))
                .anySatisfy(p -> assertThat(p).startsWith("KafkaUser settlement: missing Write on topic grants.events.v1.dlq.settlement"))
                .anySatisfy(p -> assertThat(p).startsWith("topic grants.events.v1.dlq.settlement written by settlement has no KafkaTopic"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_kafka_user_with_more_than_least_privilege_is_reported() {
        Rendered broken = prod.copy();
        List<Object> acls = (List<Object>) at(broken.find("KafkaUser", "introduction-programme"), "spec", "authorization", "acls");
        acls.add(Map.of("resource", Map.of("type", "topic", "name", "grants.events.v1", "patternType", "literal"),
                "operations", List.of("Write"), "host", "*"));
        acls.add(Map.of("resource", Map.of("type", "topic", "name", "settlement.", "patternType", "prefix"),
                "operations", List.of("Read", "Alter"), "host", "*"));
        broken.docs.remove(broken.find("KafkaUser", "adult-education"));
        assertThat(ManifestChecks.serviceKafkaUsers(broken, services))
                .anySatisfy(p -> assertThat(p).startsWith("KafkaUser introduction-programme: has Write on topic grants.events.v1 that"))
                .anySatisfy(p -> assertThat(p).startsWith("KafkaUser introduction-programme: ACL on topic settlement. is not a literal"))
                .anySatisfy(p -> assertThat(p).startsWith("KafkaUser introduction-programme: operations [Alter, Read]"))
                .anySatisfy(p -> assertThat(p).startsWith("service adult-education has no KafkaUser"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_county_user_that_can_write_or_use_other_groups_is_reported() {
        Rendered broken = prod.copy();
        List<Counties.County> counties = Counties.read(repo.municipalities());
        List<Map<String, Object>> acls = (List<Map<String, Object>>) at(broken.find("KafkaUser", "county-46"),
                "spec", "authorization", "acls");
        acls.get(0).put("operations", new ArrayList<>(List.of("Read", "Write")));
        mapAt(acls.get(acls.size() - 1), "resource").put("name", "county-");
        broken.docs.remove(broken.find("KafkaUser", "county-03"));
        assertThat(ManifestChecks.countyKafkaUsers(broken, counties))
                .anySatisfy(p -> assertThat(p).startsWith("county KafkaUsers"))
                .anySatisfy(p -> assertThat(p).startsWith("KafkaUser county-46: a county user may only read, has [Read, Write]"))
                .anySatisfy(p -> assertThat(p).startsWith("KafkaUser county-46: group ACL county- (prefix) must be the prefix county-46-"));
    }

    @Test
    void a_secret_with_data_is_reported() {
        Rendered broken = prod.copy();
        broken.docs.add(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", "oops"), "stringData", Map.of("password", "hunter2"))));
        assertThat(ManifestChecks.secrets(broken)).containsExactly(
                "Secret oops carries data; secrets are referenced only (ExternalSecret or kubectl create secret, docs/deploy.md)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void missing_default_deny_open_egress_or_a_foreign_ingress_peer_is_reported() {
        Rendered broken = prod.copy();
        broken.docs.remove(broken.find("NetworkPolicy", "default-deny-all"));
        List<Object> egress = (List<Object>) at(broken.find("NetworkPolicy", "settlement-egress"), "spec", "egress");
        egress.add(Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0"))), "ports", List.of(Map.of("port", 443))));
        List<Map<String, Object>> from = (List<Map<String, Object>>) at(broken.find("NetworkPolicy", "settlement-ingress"),
                "spec", "ingress", 0, "from");
        from.add(Map.of("namespaceSelector", Map.of()));
        assertThat(ManifestChecks.networkPolicies(broken, services, portal))
                .anySatisfy(p -> assertThat(p).startsWith("no default-deny NetworkPolicy"))
                .anySatisfy(p -> assertThat(p).startsWith("Deployment settlement: egress to an IP block 0.0.0.0/0"))
                .anySatisfy(p -> assertThat(p).startsWith("Deployment settlement: NetworkPolicy settlement-ingress admits a peer other than"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_portal_that_may_reach_kafka_or_postgresql_or_misses_a_service_is_reported() {
        Rendered broken = prod.copy();
        List<Object> egress = (List<Object>) at(broken.find("NetworkPolicy", "staff-portal-egress"), "spec", "egress");
        // settlement's rule dropped, Kafka and PostgreSQL added
        egress.removeIf(rule -> "settlement".equals(at(rule, "to", 0, "podSelector", "matchLabels", "app.kubernetes.io/name")));
        egress.add(Map.of("to", List.of(Map.of("podSelector", Map.of("matchLabels",
                Map.of("strimzi.io/cluster", "nystart", "strimzi.io/kind", "Kafka")))), "ports", List.of(Map.of("port", 9093))));
        egress.add(Map.of("to", List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("cnpg.io/cluster", "nystart-db")))),
                "ports", List.of(Map.of("port", 5432))));
        assertThat(ManifestChecks.networkPolicies(broken, services, portal))
                .anySatisfy(p -> assertThat(p).startsWith("Deployment staff-portal: egress to something other than the five "
                        + "services, Keycloak or DNS").contains("strimzi.io/cluster"))
                .anySatisfy(p -> assertThat(p).startsWith("Deployment staff-portal: egress to something other than the five "
                        + "services, Keycloak or DNS").contains("cnpg.io/cluster"))
                .anySatisfy(p -> assertThat(p).startsWith("Deployment staff-portal: egress allowed to [adult-education:8084, "
                        + "dns:53, grant-accounting:8085, introduction-programme:8083, keycloak:8080, reception-training:8081]"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_portal_egress_to_a_service_on_another_port_or_to_the_internet_is_reported() {
        Rendered broken = prod.copy();
        List<Map<String, Object>> egress = (List<Map<String, Object>>) at(broken.find("NetworkPolicy", "staff-portal-egress"),
                "spec", "egress");
        egress.stream().filter(rule -> "grant-accounting".equals(at(rule, "to", 0, "podSelector", "matchLabels",
                "app.kubernetes.io/name"))).findFirst().orElseThrow().put("ports", List.of(Map.of("protocol", "TCP", "port", 5005)));
        egress.add(Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0"))), "ports", List.of(Map.of("port", 443))));
        assertThat(ManifestChecks.networkPolicies(broken, services, portal))
                .anySatisfy(p -> assertThat(p).isEqualTo("Deployment staff-portal: egress to an IP block 0.0.0.0/0"))
                .anySatisfy(p -> assertThat(p).startsWith("Deployment staff-portal: egress allowed to [adult-education:8084, "
                        + "dns:53, grant-accounting:5005, introduction-programme:8083, keycloak:8080, reception-training:8081, "
                        + "settlement:8082], needs exactly [adult-education:8084, dns:53, grant-accounting:8085,"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_portal_reachable_from_inside_the_namespace_is_reported() {
        Rendered broken = prod.copy();
        List<Object> from = (List<Object>) at(broken.find("NetworkPolicy", "staff-portal-ingress"), "spec", "ingress", 0, "from");
        from.add(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "settlement"))));
        assertThat(ManifestChecks.networkPolicies(broken, services, portal))
                .anySatisfy(p -> assertThat(p).startsWith("Deployment staff-portal: NetworkPolicy staff-portal-ingress admits "
                        + "a peer other than the ingress controller:"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_portal_without_its_oidc_secrets_with_database_credentials_or_a_wrong_service_url_is_reported() {
        Rendered broken = prod.copy();
        List<Map<String, Object>> env = (List<Map<String, Object>>) container(broken, "staff-portal").get("env");
        env.removeIf(e -> "NYSTART_PORTAL_COOKIE_SECRET".equals(e.get("name")));
        env.add(Map.of("name", "NYSTART_DB_PASSWORD", "valueFrom",
                Map.of("secretKeyRef", Map.of("name", "nystart-db-settlement", "key", "password"))));
        env.stream().filter(e -> "NYSTART_SETTLEMENT_URL".equals(e.get("name"))).findFirst().orElseThrow()
                .put("value", "http://setlement");
        assertThat(ManifestChecks.portal(broken, services, portal)).containsExactlyInAnyOrder(
                "Deployment staff-portal: NYSTART_PORTAL_COOKIE_SECRET comes from null, expected Secret nystart-portal-oidc key cookie-secret",
                "Deployment staff-portal: reads NYSTART_DB_PASSWORD from Secret nystart-db-settlement/password; the portal has "
                        + "no database and no Kafka",
                "Deployment staff-portal: NYSTART_SETTLEMENT_URL=http://setlement names no Service port of the rendering",
                "Deployment staff-portal: its service URLs reach [adult-education, grant-accounting, introduction-programme, "
                        + "reception-training], expected the five services [adult-education, grant-accounting, "
                        + "introduction-programme, reception-training, settlement]");
    }

    @Test
    void a_rendering_without_the_portal_or_its_route_is_reported() {
        Rendered broken = prod.copy();
        broken.docs.remove(broken.find("Deployment", "staff-portal"));
        broken.docs.remove(broken.find("Service", "staff-portal"));
        assertThat(ManifestChecks.portal(broken, services, portal)).singleElement().asString()
                .startsWith("the staff portal has no Deployment staff-portal");
        assertThat(ManifestChecks.networkPolicies(broken, services, portal))
                .contains("the staff portal has no Deployment, so its NetworkPolicies cannot be checked");
        assertThat(ManifestChecks.ingress(broken, services))
                .containsExactly("an Ingress routes to staff-portal, which is no Service of the rendering");
        Rendered unrouted = prod.copy();
        mapAt(unrouted.find("Ingress", "nystart"), "spec").put("rules", List.of((Object) at(unrouted.find("Ingress", "nystart"), "spec", "rules", 1)));
        assertThat(ManifestChecks.ingress(unrouted, services))
                .containsExactly("the staff portal (staff-portal) is not reachable through an Ingress");
    }

    @Test
    void an_ingress_without_tls_or_cert_manager_is_reported() {
        Rendered broken = prod.copy();
        mapAt(broken.find("Ingress", "nystart-api"), "metadata").remove("annotations");
        mapAt(broken.find("Ingress", "nystart-api"), "spec").remove("tls");
        assertThat(ManifestChecks.ingress(broken, services))
                .contains("Ingress nystart-api: no cert-manager issuer annotation",
                        "Ingress nystart-api: host api.nystart.example has no TLS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prod_with_one_replica_no_pdb_no_spread_or_no_jvm_flags_is_reported() {
        Rendered broken = prod.copy();
        mapAt(broken.find("Deployment", "adult-education"), "spec").put("replicas", 1);
        broken.docs.remove(broken.find("PodDisruptionBudget", "adult-education"));
        broken.docs.remove(broken.find("HorizontalPodAutoscaler", "adult-education"));
        mapAt(broken.find("Deployment", "adult-education"), "spec", "template", "spec").remove("topologySpreadConstraints");
        for (Map<String, Object> cm : broken.ofKind("ConfigMap")) {
            ((Map<String, Object>) cm.get("data")).remove("JAVA_OPTS");
        }
        assertThat(ManifestChecks.prod(broken))
                .contains("Deployment adult-education: prod needs at least 2 replicas, has 1",
                        "Deployment adult-education: no HorizontalPodAutoscaler with minReplicas >= 2",
                        "Deployment adult-education: no PodDisruptionBudget selects its pods",
                        "Deployment adult-education: no topologySpreadConstraints",
                        "Deployment adult-education: JAVA_OPTS without -XX:MaxRAMPercentage (null)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafka_with_too_few_brokers_or_under_replicated_topics_is_reported() {
        Rendered broken = prod.copy();
        mapAt(broken.find("KafkaNodePool", "brokers"), "spec").put("replicas", 2);
        mapAt(broken.find("KafkaTopic", "settlement.events.v1"), "spec").put("replicas", 1);
        mapAt(broken.find("KafkaTopic", "grants.events.v1"), "spec", "config").remove("retention.ms");
        mapAt(broken.find("Kafka", "nystart"), "spec", "kafka", "authorization").put("type", "none");
        assertThat(ManifestChecks.kafkaCluster(broken, 3, 3))
                .contains("expected 3 brokers, node pools have 2",
                        "KafkaTopic settlement.events.v1: replicas 1, expected 3",
                        "KafkaTopic grants.events.v1: retention.ms not stated",
                        "Kafka nystart: authorization is not simple (ACLs would not be enforced)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_service_without_its_database_or_with_another_role_secret_is_reported() {
        Rendered broken = prod.copy();
        broken.docs.remove(broken.find("Database", "nystart-db-settlement"));
        List<Map<String, Object>> roles = (List<Map<String, Object>>) at(broken.find("Cluster", "nystart-db"),
                "spec", "managed", "roles");
        roles.stream().filter(r -> "grant_accounting".equals(r.get("name"))).findFirst().orElseThrow()
                .put("passwordSecret", Map.of("name", "someone-else"));
        mapAt(broken.find("Cluster", "nystart-db"), "spec").remove("backup");
        assertThat(ManifestChecks.databases(broken, services, 3))
                .contains("service settlement: no Database settlement owned by settlement",
                        "service grant-accounting: NYSTART_DB_USER comes from Secret nystart-db-grant-accounting but the "
                                + "database role's password is in someone-else",
                        "Cluster nystart-db: no backup object store");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_realm_import_with_users_secrets_or_other_roles_is_reported() throws Exception {
        Rendered broken = prod.copy();
        Map<String, Object> realm = mapAt(broken.find("KeycloakRealmImport", "nystart-realm"), "spec", "realm");
        realm.put("users", List.of(Map.of("username", "rita")));
        ((List<Map<String, Object>>) realm.get("clients")).stream()
                .filter(c -> "nystart-system".equals(c.get("clientId"))).findFirst().orElseThrow()
                .put("secret", "nystart-system-dev-secret");
        ((List<Object>) at(realm, "roles", "realm")).remove(0);
        assertThat(ManifestChecks.keycloak(broken, RenderedOverlaysTest.localRealmRoles(repo)))
                .anySatisfy(p -> assertThat(p).contains("carries users"))
                .anySatisfy(p -> assertThat(p).isEqualTo("realm client nystart-system carries a secret"))
                .anySatisfy(p -> assertThat(p).startsWith("realm roles"));
    }
}
