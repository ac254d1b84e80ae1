package no.nystart.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, produce, consume, stop, restart on the same port and data, read again. */
class KafkaBrokerLifecycleTest {

    private static final String TOPIC = "nystart.lifecycle.v1";

    @TempDir
    Path tmp;

    @Test
    void recordsSurviveStopAndRestartOnTheSamePort() throws Exception {
        Path data = tmp.resolve("kafka");
        try (KafkaBroker broker = KafkaBroker.builder(data).topic(TOPIC, 3).build()) {
            int port = broker.port();
            assertTrue(port > 0, "a free port is chosen when the broker is built");
            assertEquals("127.0.0.1:" + port, broker.bootstrapServers());
            assertFalse(broker.isRunning());

            long t0 = System.nanoTime();
            broker.start();
            System.out.printf("[kafka-broker] first start (format + topic) %d ms%n", millisSince(t0));
            assertTrue(broker.isRunning());
            long firstPid = broker.pid().orElseThrow();
            assertTrue(TestSupport.portOpen(port), "broker port open after start()");
            assertTrue(Files.exists(data.resolve("kraft-logs").resolve("meta.properties")), "storage was formatted");

            try (Admin admin = admin(broker)) {
                TopicDescription d = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS).get(TOPIC);
                assertEquals(3, d.partitions().size(), "requested partition count");
            }

            RecordMetadata written = produce(broker, "resident-1", "registered-before-restart");
            assertEquals(List.of("registered-before-restart"), consumeAll(broker, "group-before", written.partition(), 1));

            long t1 = System.nanoTime();
            broker.stop();
            System.out.printf("[kafka-broker] stop %d ms%n", millisSince(t1));
            assertFalse(broker.isRunning());
            assertTrue(broker.pid().isEmpty());
            assertFalse(TestSupport.processAlive(firstPid), "child process gone after stop()");
            assertFalse(TestSupport.portOpen(port), "port closed after stop()");

            long t2 = System.nanoTime();
            broker.start();
            System.out.printf("[kafka-broker] restart %d ms%n", millisSince(t2));
            assertTrue(broker.isRunning());
            assertEquals(port, broker.port(), "same port after restart");
            assertTrue(TestSupport.portOpen(port), "the SAME port is open again");
            assertTrue(broker.pid().orElseThrow() != firstPid, "a new child process");

            // a fresh group reads from the beginning: the record written before the restart is there
            assertEquals(List.of("registered-before-restart"),
                    consumeAll(broker, "group-after", written.partition(), 1));
            produce(broker, "resident-1", "registered-after-restart");
            assertEquals(List.of("registered-before-restart", "registered-after-restart"),
                    consumeAll(broker, "group-after-2", written.partition(), 2));

            // auto-creation is on (tests rely on it for dead-letter topics)
            RecordMetadata dlq = produce(broker, "nystart.lifecycle.v1.dlq", "k", "dead");
            assertEquals(0, dlq.offset());
        }
    }

    private static long millisSince(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static Admin admin(KafkaBroker broker) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(p);
    }

    private static RecordMetadata produce(KafkaBroker broker, String key, String value) throws Exception {
        return produce(broker, TOPIC, key, value);
    }

    private static RecordMetadata produce(KafkaBroker broker, String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Subscribes with a new group from the earliest offset and collects the values of one partition. */
    private static List<String> consumeAll(KafkaBroker broker, String group, int partition, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group + "-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() - deadline < 0) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.partition() == partition) {
                        values.add(r.value());
                    }
                }
            }
            consumer.commitSync();
        }
        return values;
    }

}
