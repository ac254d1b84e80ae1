package no.nystart.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the fault-injection tests read to count effects: the services' databases (as the superuser
 * {@code postgres}), the topics (every record from the start) and the consumer groups' committed
 * offsets. Nothing here is a mock: every figure comes from the running stack.
 */
final class FaultHarness {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One consuming channel of a service: topic, consumer group, dead-letter topic (from its application.properties). */
    record Channel(String service, String topic, String group, String deadLetterTopic) {
    }

    /** One record of a topic, as a county system would read it. */
    record Event(String topic, int partition, long offset, String key, String ceId, String ceType, JsonNode payload,
            Map<String, String> headers) {
        String personId() {
            return payload == null ? null : payload.path("personId").asText(null);
        }
    }

    private final LocalStack stack;

    FaultHarness(LocalStack stack) {
        this.stack = stack;
    }

    // ------------------------------------------------------------------ channels

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([a-z0-9-]+)\\.(topic|group\\.id|dead-letter-queue\\.topic)=(.+)");

    /** Every consuming channel of every service, read from the services' application.properties. */
    static List<Channel> channels(Path repo) throws IOException {
        List<Channel> all = new ArrayList<>();
        for (ServiceSpec s : ServiceSpec.ALL) {
            Map<String, Map<String, String>> byChannel = new TreeMap<>();
            for (String line : Files.readAllLines(repo.resolve(s.module()).resolve("src/main/resources/application.properties"))) {
                Matcher m = INCOMING.matcher(line.trim());
                if (m.matches()) {
                    byChannel.computeIfAbsent(m.group(1), c -> new HashMap<>()).put(m.group(2), m.group(3).trim());
                }
            }
            byChannel.forEach((channel, props) -> {
                if (props.containsKey("topic")) {
                    all.add(new Channel(s.name(), props.get("topic"), props.get("group.id"), props.get("dead-letter-queue.topic")));
                }
            });
        }
        return all;
    }

    // ------------------------------------------------------------------ SQL

    Connection db(String database) throws Exception {
        return DriverManager.getConnection(stack.postgresJdbcUrl(database), LocalPostgres.SUPERUSER, LocalPostgres.SUPERUSER);
    }

    long count(String database, String sql, Object... params) throws Exception {
        try (Connection c = db(database); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<Map<String, Object>> rows(String database, String sql, Object... params) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = db(database); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String[] texts) {
                ps.setArray(i + 1, c.createArrayOf("text", texts));
            } else if (p instanceof Collection<?> ids) {
                Array a = c.createArrayOf("uuid", ids.toArray());
                ps.setArray(i + 1, a);
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    /** Rows not yet published by each service's outbox relay (0 everywhere = nothing waits to be sent). */
    Map<String, Long> outboxPending() throws Exception {
        Map<String, Long> pending = new TreeMap<>();
        for (ServiceSpec s : ServiceSpec.ALL) {
            pending.put(s.name(), count(s.database(), "select count(*) from nystart_outbox where sent_at is null"));
        }
        return pending;
    }

    // ------------------------------------------------------------------ Kafka

    Properties kafka() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        return p;
    }

    /** Every record of a topic from the start to its current end. */
    List<Event> readAll(String topic) {
        Properties p = kafka();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    events.add(event(r));
                }
            }
        }
        return events;
    }

    static Event event(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        JsonNode payload;
        try {
            payload = r.value() == null ? null : Api.JSON.readTree(r.value());
        } catch (IOException notJson) {
            payload = null;
        }
        return new Event(r.topic(), r.partition(), r.offset(), r.key(), headers.get("ce_id"), headers.get("ce_type"),
                payload, headers);
    }

    /** Per consumer group: how many records of its topics it has not committed yet (0 = it has consumed everything). */
    Map<String, Long> lag(List<Channel> channels) throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        try (Admin admin = Admin.create(kafka())) {
            Map<String, Set<String>> topicsByGroup = channels.stream().collect(Collectors.groupingBy(Channel::group,
                    TreeMap::new, Collectors.mapping(Channel::topic, Collectors.toSet())));
            Set<String> topics = channels.stream().map(Channel::topic).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((t, d) -> d.partitions()
                    .forEach(pi -> latest.put(new TopicPartition(t, pi.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            for (Map.Entry<String, Set<String>> g : topicsByGroup.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.getKey())
                        .partitionsToOffsetAndMetadata().get();
                long behind = 0;
                for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                    if (g.getValue().contains(e.getKey().topic())) {
                        OffsetAndMetadata c = committed.get(e.getKey());
                        behind += e.getValue() - (c == null ? 0 : c.offset());
                    }
                }
                lag.put(g.getKey(), behind);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the consumer groups' offsets: " + e.getCause(), e.getCause());
        }
        return lag;
    }

    // ------------------------------------------------------------------ HTTP

    /** An answer with its headers (for Retry-After and the content type of a problem). */
    record Raw(int status, String contentType, String retryAfter, String body) {
        @Override
        public String toString() {
            return status + " " + contentType + (retryAfter != null ? " Retry-After " + retryAfter : "") + " "
                    + (body.length() > 160 ? body.substring(0, 160) + "..." : body);
        }
    }

    static Raw send(String method, String url, String token, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(Api.JSON.writeValueAsBytes(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Raw(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null), r.body() == null ? "" : r.body());
        } catch (IOException e) {
            return new Raw(-1, null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static List<UUID> uuids(Collection<UUID> ids) {
        return new ArrayList<>(ids);
    }
}
