package no.nystart.platform.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the broker CHILD process (never loaded in the parent JVM).
 *
 * <p>Arguments are passed unchanged to {@code kafka.Kafka.main} (normally just the path of
 * {@code server.properties}). Before delegating it:
 * <ol>
 *   <li>starts the orphan guard: a daemon thread that reads standard input and exits the JVM when
 *       it reaches end-of-file. The launching {@link KafkaBroker} keeps the write end of that pipe
 *       open for the life of the broker; when the parent JVM dies (even by SIGKILL) the operating
 *       system closes the pipe and the broker shuts itself down;</li>
 *   <li>formats the storage if the cluster-id property is set (same JVM, saves a JVM start);</li>
 *   <li>starts {@link ChildReadiness}, which waits until the broker serves requests, creates the
 *       requested topics and prints a marker line that the parent waits for.</li>
 * </ol>
 */
public final class WatchedKafkaMain {

    /** Grace period for a clean shutdown after the parent is gone, then the JVM is halted. */
    private static final long ORPHAN_HALT_AFTER_MS = 15_000;

    private WatchedKafkaMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: WatchedKafkaMain server.properties [kafka.Kafka options]");
            System.exit(2);
        }
        startOrphanGuard(System.in);

        String clusterId = System.getProperty(KafkaBroker.FORMAT_CLUSTER_ID);
        if (clusterId != null && !clusterId.isBlank()) {
            format(args[0], clusterId);
        }

        String bootstrap = System.getProperty(KafkaBroker.BOOTSTRAP);
        if (bootstrap != null && !bootstrap.isBlank()) {
            long timeoutMs = Long.getLong(KafkaBroker.READY_TIMEOUT_MS, 60_000L);
            ChildReadiness.startInBackground(bootstrap, System.getProperty(KafkaBroker.TOPICS, ""), timeoutMs);
        }

        kafka.Kafka.main(args);
    }

    static void startOrphanGuard(InputStream stdin) {
        Thread guard = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (stdin.read(buffer) >= 0) {
                    // content is ignored; only end-of-file matters
                }
            } catch (IOException e) {
                // a broken pipe means the same thing as end-of-file
            }
            System.err.println(KafkaBroker.ORPHAN_MARKER + " stdin closed: the parent process is gone, shutting the broker down");
            System.err.flush();
            Thread halter = new Thread(() -> {
                try {
                    Thread.sleep(ORPHAN_HALT_AFTER_MS);
                } catch (InterruptedException ignored) {
                    // halt anyway
                }
                Runtime.getRuntime().halt(3);
            }, "nystart-orphan-halter");
            halter.setDaemon(true);
            halter.start();
            // runs Kafka's own shutdown hook (clean shutdown); the halter covers a hang
            System.exit(0);
        }, "nystart-orphan-guard");
        guard.setDaemon(true);
        guard.start();
    }

    private static void format(String serverProperties, String clusterId) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int rc;
        try {
            rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "--ignore-formatted", "-t", clusterId, "-c", serverProperties}, out);
        } catch (Throwable t) {
            System.out.println(KafkaBroker.FAILED_MARKER + " storage format failed: " + t);
            t.printStackTrace(System.out);
            System.out.flush();
            System.exit(4);
            return;
        }
        if (rc != 0) {
            System.out.println(KafkaBroker.FAILED_MARKER + " storage format exited with " + rc);
            System.out.flush();
            System.exit(4);
        }
    }
}
