package no.nystart.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders k8s/overlays/dev and k8s/overlays/prod with kubectl kustomize and runs every check on them. */
class RenderedOverlaysTest {
    static Repo repo;
    static List<ServiceConfig> services;
    static PortalConfig portal;
    static Rendered dev;
    static Rendered prod;

    @BeforeAll
    static void render() {
        repo = Repo.locate();
        services = repo.services();
        portal = repo.portal();
        dev = Rendered.overlay(repo, "dev");
        prod = Rendered.overlay(repo, "prod");
    }

    static Rendered of(String overlay) {
        return "dev".equals(overlay) ? dev : prod;
    }

    static Set<String> localRealmRoles(Repo repo) throws IOException {
        JsonNode realm = new ObjectMapper().readTree(repo.localRealm().toFile());
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        return roles;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_document_parses_with_the_fabric8_model(String overlay) {
        assertThat(of(overlay).docs).hasSizeGreaterThan(40);
        assertThat(ManifestChecks.parse(of(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_deployment_has_probes_resources_security_context_and_a_service(String overlay) {
        // the five services and the staff portal
        assertThat(of(overlay).ofKind("Deployment")).hasSize(services.size() + 1);
        assertThat(of(overlay).find("Deployment", portal.name())).isNotNull();
        assertThat(ManifestChecks.deployments(of(overlay), services)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_service_has_a_kafka_user_with_exactly_the_acls_its_messaging_configuration_needs(String overlay) {
        assertThat(ManifestChecks.serviceKafkaUsers(of(overlay), services)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_county_has_a_read_only_kafka_user(String overlay) {
        List<Counties.County> counties = Counties.read(repo.municipalities());
        assertThat(counties).hasSize(15);
        assertThat(ManifestChecks.countyKafkaUsers(of(overlay), counties)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void no_secret_carries_data(String overlay) {
        assertThat(ManifestChecks.secrets(of(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void network_policies_deny_by_default_and_allow_only_the_needed_paths(String overlay) {
        assertThat(ManifestChecks.networkPolicies(of(overlay), services, portal)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_staff_portal_has_its_oidc_secrets_the_five_service_urls_and_no_database_or_kafka(String overlay) {
        assertThat(ManifestChecks.portal(of(overlay), services, portal)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void the_staff_portal_reaches_exactly_the_five_services_keycloak_and_dns_and_is_reached_only_from_the_ingress_controller(
            String overlay) {
        // the allow-list spelled out, not only derived: egress rules (peer → ports) of staff-portal-egress
        Map<String, Object> egress = of(overlay).find("NetworkPolicy", "staff-portal-egress");
        assertThat((Map<String, Object>) Rendered.at(egress, "spec", "podSelector", "matchLabels"))
                .containsExactly(Map.entry("app.kubernetes.io/name", "staff-portal"));
        List<String> allowed = new ArrayList<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) Rendered.at(egress, "spec", "egress")) {
            for (Map<String, Object> to : (List<Map<String, Object>>) rule.get("to")) {
                Map<String, Object> labels = (Map<String, Object>) Rendered.at(to, "podSelector", "matchLabels");
                Object who = labels.containsKey("app.kubernetes.io/name") ? labels.get("app.kubernetes.io/name")
                        : labels.containsKey("k8s-app") ? labels.get("k8s-app") : labels.get("app");
                for (Map<String, Object> port : (List<Map<String, Object>>) rule.get("ports")) {
                    allowed.add(who + ":" + port.get("protocol") + "/" + port.get("port"));
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder(
                "reception-training:TCP/8081", "settlement:TCP/8082", "introduction-programme:TCP/8083",
                "adult-education:TCP/8084", "grant-accounting:TCP/8085",
                "keycloak:TCP/8080", "kube-dns:UDP/53", "kube-dns:TCP/53");
        Map<String, Object> ingress = of(overlay).find("NetworkPolicy", "staff-portal-ingress");
        assertThat((List<Object>) Rendered.at(ingress, "spec", "ingress", 0, "from")).containsExactly(
                Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "ingress-nginx"))));
        assertThat((List<Object>) Rendered.at(ingress, "spec", "ingress", 0, "ports"))
                .containsExactly(Map.of("protocol", "TCP", "port", 8080));
        // and the portal is no client of PostgreSQL's policy (it admits the pods of component "service")
        assertThat((Map<String, Object>) Rendered.at(of(overlay).find("Deployment", "staff-portal"),
                "spec", "template", "metadata", "labels")).containsEntry("app.kubernetes.io/component", "portal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_service_is_behind_a_tls_ingress(String overlay) {
        assertThat(ManifestChecks.ingress(of(overlay), services)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloak_imports_the_local_realm_without_dev_users_and_secrets(String overlay) throws IOException {
        assertThat(ManifestChecks.keycloak(of(overlay), localRealmRoles(repo))).isEmpty();
    }

    @Test
    void prod_runs_three_brokers_replication_three_and_three_database_instances() {
        assertThat(ManifestChecks.kafkaCluster(prod, 3, 3)).isEmpty();
        assertThat(ManifestChecks.databases(prod, services, 3)).isEmpty();
    }

    @Test
    void dev_runs_one_broker_replication_one_and_one_database_instance() {
        assertThat(ManifestChecks.kafkaCluster(dev, 1, 1)).isEmpty();
        assertThat(ManifestChecks.databases(dev, services, 1)).isEmpty();
    }

    @Test
    void prod_has_two_replicas_hpa_pdb_spread_and_jvm_memory_flags_for_every_service() {
        assertThat(ManifestChecks.prod(prod)).isEmpty();
    }

    @Test
    void dev_has_one_replica_per_service_and_is_not_prod() {
        assertThat(ManifestChecks.dev(dev)).isEmpty();
        // the prod-only objects are not in dev
        assertThat(dev.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(ManifestChecks.prod(dev)).isNotEmpty();
    }
}
