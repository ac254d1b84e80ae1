package no.nystart.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.nystart.contracts.Topics;
import no.nystart.platform.kafka.KafkaBroker;

/**
 * The real infrastructure of a test JVM, started once and shared by every test class in it:
 * a Kafka 4.1.2 broker (KRaft, child process), PostgreSQL (embedded or {@code NYSTART_PG_URL}),
 * and an OIDC token issuer. Stopped by a shutdown hook when the JVM exits.
 */
public final class TestInfrastructure {
    private static volatile TestInfrastructure instance;

    private final KafkaBroker kafka;
    private final TestPostgres postgres;
    private final TestTokenIssuer tokens;

    private TestInfrastructure() {
        try {
            Path dataDir = Files.createTempDirectory("nystart-test-kafka");
            this.kafka = KafkaBroker.builder(dataDir)
                    .topic(Topics.RECEPTION, 3)
                    .topic(Topics.SETTLEMENT, 3)
                    .topic(Topics.INTRODUCTION, 3)
                    .topic(Topics.ADULT_EDUCATION, 3)
                    .topic(Topics.GRANTS, 3)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a data directory for the test broker", e);
        }
        this.postgres = TestPostgres.start();
        this.tokens = TestTokenIssuer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "nystart-test-infrastructure-stop"));
    }

    /** The infrastructure of this JVM, started on first use. */
    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = new TestInfrastructure();
                    instance = current;
                }
            }
        }
        return current;
    }

    public KafkaBroker broker() {
        return kafka;
    }

    public KafkaTestClient kafka() {
        return new KafkaTestClient(kafka.bootstrapServers());
    }

    public TestPostgres postgres() {
        return postgres;
    }

    public TestTokenIssuer tokens() {
        return tokens;
    }

    private void stopAll() {
        tokens.close();
        kafka.close();
        postgres.stop();
    }
}
