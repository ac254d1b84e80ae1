package no.nystart.platform.kafka;

import java.nio.file.Path;

/**
 * Test helper run in a SEPARATE JVM whose classpath has only this module's classes (no Kafka jar):
 * starts a broker, prints {@code BROKER <pid> <port>}, then either hangs until it is killed
 * ({@code hang}) or exits normally without stopping the broker ({@code exit}).
 */
public final class BrokerParentMain {

    private BrokerParentMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String mode = args[1];
        KafkaBroker broker = KafkaBroker.builder(dataDir).start();
        System.out.println("BROKER " + broker.pid().orElseThrow() + " " + broker.port());
        System.out.flush();
        if (mode.equals("exit")) {
            // no stop(): the shutdown hook registered by start() must stop the broker
            System.exit(0);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
