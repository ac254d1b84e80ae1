package no.nystart.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fast checks without a running broker, plus one failure path. */
class KafkaBrokerConfigTest {

    @TempDir
    Path tmp;

    @Test
    void classpathResourceListsTheBrokerJarsThatExist() throws IOException {
        String recorded;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(KafkaBroker.CLASSPATH_RESOURCE)) {
            assertTrue(in != null, "build wrote " + KafkaBroker.CLASSPATH_RESOURCE);
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        List<String> jars = Arrays.asList(recorded.split(File.pathSeparator));
        assertTrue(jars.stream().anyMatch(j -> j.endsWith("kafka_2.13-4.1.2.jar")), recorded);
        assertTrue(jars.stream().anyMatch(j -> j.contains("kafka-clients-4.1.2.jar")), recorded);
        assertTrue(jars.stream().anyMatch(j -> j.contains("log4j-slf4j2-impl")), "logging binding: " + recorded);
        assertFalse(jars.stream().anyMatch(j -> j.contains("junit")), "no test jars: " + recorded);
        for (String jar : jars) {
            assertTrue(Path.of(jar).isAbsolute() && Files.isRegularFile(Path.of(jar)), "absolute, existing: " + jar);
        }
        String childClasspath = KafkaBroker.brokerClasspath();
        assertTrue(childClasspath.startsWith(KafkaBroker.ownLocation().toString() + File.pathSeparator),
                "child classpath starts with this module's classes: " + childClasspath);
    }

    @Test
    void apiLoadsAndConfiguresWithoutAnyKafkaClassOnTheClasspath() throws Exception {
        URL classes = KafkaBroker.ownLocation().toUri().toURL();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> isolated.loadClass("org.apache.kafka.clients.admin.Admin"));
            Class<?> api = isolated.loadClass(KafkaBroker.class.getName());
            Object builder = api.getMethod("builder", Path.class).invoke(null, tmp.resolve("iso"));
            builder.getClass().getMethod("topic", String.class, int.class).invoke(builder, "a.b.v1", 2);
            Object broker = builder.getClass().getMethod("build").invoke(builder);
            String bootstrap = (String) api.getMethod("bootstrapServers").invoke(broker);
            assertTrue(bootstrap.matches("127\\.0\\.0\\.1:\\d+"), bootstrap);
            Method props = api.getDeclaredMethod("serverProperties");
            props.setAccessible(true);
            assertTrue(((String) props.invoke(broker)).contains("process.roles=broker,controller"));
            assertEquals(false, api.getMethod("isRunning").invoke(broker));
        }
    }

    @Test
    void serverPropertiesFollowTheSingleNodeKraftRecipe() throws IOException {
        KafkaBroker broker = KafkaBroker.builder(tmp.resolve("d")).port(0).property("log.retention.hours", "1").build();
        Properties p = new Properties();
        p.load(new StringReader(broker.serverProperties()));
        assertEquals("broker,controller", p.getProperty("process.roles"));
        assertEquals("1", p.getProperty("node.id"));
        assertEquals("1@127.0.0.1:" + broker.controllerPort(), p.getProperty("controller.quorum.voters"));
        assertEquals("PLAINTEXT://127.0.0.1:" + broker.port() + ",CONTROLLER://127.0.0.1:" + broker.controllerPort(),
                p.getProperty("listeners"));
        assertEquals("CONTROLLER", p.getProperty("controller.listener.names"));
        assertEquals("PLAINTEXT", p.getProperty("inter.broker.listener.name"));
        assertEquals("1", p.getProperty("offsets.topic.replication.factor"));
        assertEquals("1", p.getProperty("transaction.state.log.replication.factor"));
        assertEquals("1", p.getProperty("transaction.state.log.min.isr"));
        assertEquals("1", p.getProperty("share.coordinator.state.topic.replication.factor"));
        assertEquals("0", p.getProperty("group.initial.rebalance.delay.ms"));
        assertEquals("true", p.getProperty("auto.create.topics.enable"));
        assertEquals("1", p.getProperty("log.retention.hours"), "builder property overrides");
        assertEquals(broker.dataDir().resolve("kraft-logs").toString(), p.getProperty("log.dirs"));
        assertNotEquals(broker.port(), broker.controllerPort());
    }

    @Test
    void builderValidatesAndParsesTopics() {
        assertEquals(Map.of("a.v1", 6, "b", 1, "c.v1", 2), KafkaBroker.parseTopics(" a.v1:6, b ,c.v1:2,"));
        assertEquals("a.v1:6,b:1", KafkaBroker.formatTopics(KafkaBroker.parseTopics("a.v1:6,b")));
        KafkaBroker.Builder b = KafkaBroker.builder(tmp);
        assertThrows(IllegalArgumentException.class, () -> b.topic("x", 0));
        assertThrows(IllegalArgumentException.class, () -> b.topic("x,y", 1));
        assertThrows(IllegalArgumentException.class, () -> b.port(70000));
        KafkaBroker broker = b.maxHeap("128m").port(45678).build();
        assertEquals(45678, broker.port());
        assertEquals("127.0.0.1:45678", broker.bootstrapServers());
        assertEquals(tmp.toAbsolutePath().resolve("broker.log"), broker.logFile());
        String id = KafkaBroker.newClusterId();
        assertTrue(id.matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}"), id);
    }

    @Test
    void startFailsFastAndLeavesNoProcessWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            KafkaBroker broker = KafkaBroker.builder(tmp.resolve("taken")).port(taken.getLocalPort()).build();
            long t0 = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class, broker::start);
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos(), "fails before launching a JVM");
            assertTrue(e.getMessage().contains("port 127.0.0.1:" + taken.getLocalPort() + " is not free"), e.getMessage());
            assertFalse(broker.isRunning());
            assertTrue(broker.pid().isEmpty());
            assertFalse(Files.exists(tmp.resolve("taken").resolve("broker.log")), "no child was launched");
        }
    }
}
