package no.nystart.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker must not outlive the JVM that started it. The parent is a separate JVM whose
 * classpath holds only this module's classes (no Kafka jar: this also proves the API needs none).
 */
class OrphanGuardTest {

    @TempDir
    Path tmp;

    @Test
    void brokerExitsWhenItsParentJvmIsKilled() throws Exception {
        Path data = tmp.resolve("orphan");
        Process parent = startParent(data, "hang");
        long brokerPid = -1;
        try {
            long[] pidAndPort = awaitBrokerLine(parent, data);
            brokerPid = pidAndPort[0];
            final long pid = brokerPid;
            int port = (int) pidAndPort[1];
            assertTrue(TestSupport.processAlive(brokerPid), "broker child alive while its parent lives");
            assertTrue(TestSupport.portOpen(port), "broker port open while its parent lives");

            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs, only the stdin guard can help
            assertTrue(parent.waitFor(10, TimeUnit.SECONDS), "parent JVM killed");

            Duration gone = TestSupport.awaitTrue(Duration.ofSeconds(10), () -> !TestSupport.processAlive(pid));
            assertNotNull(gone, "broker pid " + brokerPid + " still alive 10 s after its parent was killed");
            System.out.printf("[kafka-broker] orphaned broker exited %d ms after the parent was killed%n", gone.toMillis());
            assertFalse(TestSupport.portOpen(port), "broker port closed");
            String log = Files.readString(data.resolve("broker.log"), StandardCharsets.UTF_8);
            assertTrue(log.contains(KafkaBroker.ORPHAN_MARKER), "the orphan guard (not something else) stopped it:\n" + log);
        } finally {
            parent.destroyForcibly();
            killLeftover(brokerPid);
        }
    }

    @Test
    void shutdownHookStopsBrokerWhenParentExitsNormally() throws Exception {
        Path data = tmp.resolve("hook");
        Process parent = startParent(data, "exit");
        long brokerPid = -1;
        try {
            long[] pidAndPort = awaitBrokerLine(parent, data);
            brokerPid = pidAndPort[0];
            final long pid = brokerPid;
            assertTrue(parent.waitFor(30, TimeUnit.SECONDS), "parent exited");
            assertEquals(0, parent.exitValue());
            // the hook waits for the child, so the broker is gone by the time the parent has exited
            Duration gone = TestSupport.awaitTrue(Duration.ofSeconds(2), () -> !TestSupport.processAlive(pid));
            assertNotNull(gone, "broker still alive after its parent exited");
            assertFalse(TestSupport.portOpen((int) pidAndPort[1]), "broker port closed");
            String log = Files.readString(data.resolve("broker.log"), StandardCharsets.UTF_8);
            assertFalse(log.contains(KafkaBroker.ORPHAN_MARKER),
                    "stopped by the shutdown hook's SIGTERM, not by the orphan guard:\n" + log);
        } finally {
            parent.destroyForcibly();
            killLeftover(brokerPid);
        }
    }

    /** Never leave a broker behind when an assertion failed. */
    private static void killLeftover(long brokerPid) {
        if (brokerPid > 0) {
            ProcessHandle.of(brokerPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static Process startParent(Path data, String mode) throws Exception {
        String target = System.getProperty("project.build.directory", "target");
        String classpath = Path.of(target, "classes") + File.pathSeparator + Path.of(target, "test-classes");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", classpath, BrokerParentMain.class.getName(), data.toString(), mode);
        Files.createDirectories(data);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + "-parent.out").toFile())
                .start();
    }

    /** Waits for the parent's line {@code BROKER <pid> <port>}; fails with its output otherwise. */
    private static long[] awaitBrokerLine(Process parent, Path data) throws Exception {
        Path outFile = data.resolveSibling(data.getFileName() + "-parent.out");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() - deadline < 0) {
            String text = Files.exists(outFile) ? Files.readString(outFile, StandardCharsets.UTF_8) : "";
            for (String line : text.split("\n")) {
                if (line.startsWith("BROKER ")) {
                    String[] parts = line.trim().split(" ");
                    return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
                }
            }
            if (!parent.isAlive()) {
                throw new AssertionError("parent ended (" + parent.exitValue() + ") without starting a broker:\n" + text);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("parent did not start a broker in time:\n" + Files.readString(outFile));
    }
}
