package no.nystart.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under test at the real infrastructure of {@link TestInfrastructure}: its own
 * fresh database, the test broker, the test token issuer. Use it once per test module:
 *
 * <pre>{@code
 * @QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception"))
 * }</pre>
 */
public class NyStartTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "nystart_test";
    private static volatile TestPostgres.Database current;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        TestPostgres.Database db = infrastructure.postgres().freshDatabase(database);
        current = db;
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infrastructure.broker().bootstrapServers());
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.datasource.password", db.password());
        config.put("quarkus.oidc.auth-server-url", infrastructure.tokens().issuer());
        config.put("quarkus.datasource.devservices.enabled", "false");
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("quarkus.oidc.devservices.enabled", "false");
        return config;
    }

    /** The database the service under test uses, for assertions on what it wrote. */
    public static TestPostgres.Database database() {
        if (current == null) {
            throw new IllegalStateException("NyStartTestResource has not started");
        }
        return current;
    }

    @Override
    public void stop() {
        // shared infrastructure stops with the JVM (TestInfrastructure's shutdown hook)
    }
}
