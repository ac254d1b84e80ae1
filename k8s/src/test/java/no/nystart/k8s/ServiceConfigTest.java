package no.nystart.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the ACLs and database resources are derived from. */
class ServiceConfigTest {

    @Test
    void reads_channels_groups_dead_letter_topics_and_the_produced_topic(@TempDir Path dir) throws IOException {
        Path svc = dir.resolve("settlement");
        Files.createDirectories(svc.resolve("src/main/resources"));
        Files.writeString(svc.resolve("src/main/resources/application.properties"), """
                quarkus.application.name=settlement
                mp.messaging.incoming.a.connector=smallrye-kafka
                mp.messaging.incoming.a.topic=reception.events.v1
                mp.messaging.incoming.a.group.id=settlement
                mp.messaging.incoming.a.failure-strategy=dead-letter-queue
                mp.messaging.incoming.a.dead-letter-queue.topic=reception.events.v1.dlq.settlement
                mp.messaging.incoming.b.connector=smallrye-kafka
                mp.messaging.incoming.b.topic=grants.events.v1
                mp.messaging.outgoing.c.connector=smallrye-kafka
                mp.messaging.outgoing.c.topic=settlement.audit.v1
                mp.messaging.incoming.d.connector=smallrye-amqp
                quarkus.kubernetes.ports.http.container-port=8082
                quarkus.kubernetes.env.vars.nystart-db-jdbc-url=jdbc:postgresql://nystart-db-rw:5432/settlement
                """);
        ServiceConfig s = ServiceConfig.read(svc);
        assertThat(s.name()).isEqualTo("settlement");
        assertThat(s.port()).isEqualTo(8082);
        assertThat(s.database()).isEqualTo("settlement");
        assertThat(s.readTopics()).containsExactly("grants.events.v1", "reception.events.v1");
        // the default group is the application name; b has no dead-letter queue
        assertThat(s.groups()).containsExactly("settlement");
        assertThat(s.writeTopics()).containsExactly("reception.events.v1.dlq.settlement", "settlement.audit.v1",
                "settlement.events.v1");
        assertThat(s.dbRole()).isEqualTo("settlement");
    }

    @Test
    void a_service_without_the_kubernetes_block_is_refused(@TempDir Path dir) throws IOException {
        Path svc = dir.resolve("staff-portal");
        Files.createDirectories(svc.resolve("src/main/resources"));
        Files.writeString(svc.resolve("src/main/resources/application.properties"), "quarkus.application.name=staff-portal\n");
        assertThatThrownBy(() -> ServiceConfig.read(svc)).hasMessageContaining("quarkus.kubernetes.ports.http.container-port");
    }

    @Test
    void the_real_services_are_derived_from_their_configuration() {
        List<ServiceConfig> services = Repo.locate().services();
        assertThat(services).extracting(ServiceConfig::name).contains("adult-education", "grant-accounting",
                "introduction-programme", "reception-training", "settlement");
        ServiceConfig reception = services.stream().filter(s -> s.name().equals("reception-training")).findFirst().orElseThrow();
        assertThat(reception.producedTopics()).containsExactly("reception.events.v1");
        assertThat(reception.readTopics()).contains("settlement.events.v1");
        assertThat(reception.writeTopics()).contains("reception.events.v1", "settlement.events.v1.dlq.reception-training");
        assertThat(reception.database()).isEqualTo("reception");
    }

    @Test
    void the_staff_portal_is_no_service_but_has_its_own_port_and_the_five_service_urls() {
        Repo repo = Repo.locate();
        assertThat(repo.serviceDirs()).doesNotContain(repo.portalDir());
        assertThat(repo.manifestDirs()).endsWith(repo.portalDir()).hasSize(repo.serviceDirs().size() + 1);
        PortalConfig portal = repo.portal();
        assertThat(portal.name()).isEqualTo("staff-portal");
        assertThat(portal.port()).isEqualTo(8080);
        assertThat(portal.serviceUrls()).containsOnlyKeys("NYSTART_RECEPTION_URL", "NYSTART_SETTLEMENT_URL",
                "NYSTART_INTRODUCTION_URL", "NYSTART_ADULT_EDUCATION_URL", "NYSTART_GRANTS_URL")
                .containsEntry("NYSTART_GRANTS_URL", "http://grant-accounting");
    }

    @Test
    void the_fifteen_counties_of_2024_come_from_the_municipality_data() {
        List<Counties.County> counties = Counties.read(Repo.locate().municipalities());
        assertThat(counties).extracting(Counties.County::number).containsExactly(
                "03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56");
        assertThat(counties.get(0)).isEqualTo(new Counties.County("03", "Oslo"));
        assertThat(counties.get(0).groupPrefix()).isEqualTo("county-03-");
    }
}
