package no.nystart.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nystart.contracts.Topics;

/**
 * What the Kubernetes resources of one service are derived from: its application.properties (name,
 * HTTP port, database, Kafka channels) and the contracts (the public topic it produces).
 *
 * <p>Incoming channels read their topic and commit offsets in their consumer group; with
 * {@code failure-strategy=dead-letter-queue} they write the dead-letter topic. Outgoing channels
 * write their topic. The outbox relay writes the service's public topic ({@link Topics#producer}).
 */
public record ServiceConfig(String name, int port, String database, List<Incoming> incoming,
        List<String> outgoingTopics, List<String> producedTopics) {

    /** One incoming Kafka channel. {@code deadLetterTopic} is null without a dead-letter queue. */
    public record Incoming(String channel, String topic, String group, String deadLetterTopic) {
    }

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final Pattern OUTGOING = Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.connector");

    public static ServiceConfig read(Path serviceDir) {
        Path file = serviceDir.resolve("src/main/resources/application.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        String name = require(p, file, "quarkus.application.name");
        int port = Integer.parseInt(require(p, file, "quarkus.kubernetes.ports.http.container-port"));
        String jdbc = require(p, file, "quarkus.kubernetes.env.vars.nystart-db-jdbc-url");
        String database = jdbc.substring(jdbc.lastIndexOf('/') + 1);

        List<Incoming> incoming = new ArrayList<>();
        List<String> outgoing = new ArrayList<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            Matcher in = INCOMING.matcher(key);
            if (in.matches() && "smallrye-kafka".equals(p.getProperty(key))) {
                String ch = in.group(1);
                String prefix = "mp.messaging.incoming." + ch + ".";
                String topic = p.getProperty(prefix + "topic", ch);
                // Quarkus' default consumer group is the application name
                String group = p.getProperty(prefix + "group.id", name);
                String dlq = null;
                if ("dead-letter-queue".equals(p.getProperty(prefix + "failure-strategy"))) {
                    dlq = p.getProperty(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + ch);
                }
                incoming.add(new Incoming(ch, topic, group, dlq));
            }
            Matcher out = OUTGOING.matcher(key);
            if (out.matches() && "smallrye-kafka".equals(p.getProperty(key))) {
                String ch = out.group(1);
                outgoing.add(p.getProperty("mp.messaging.outgoing." + ch + ".topic", ch));
            }
        }
        incoming.sort(Comparator.comparing(Incoming::channel));
        List<String> produced = Topics.all().stream().filter(t -> Topics.producer(t).equals(name)).toList();
        return new ServiceConfig(name, port, database, List.copyOf(incoming), List.copyOf(outgoing), produced);
    }

    private static String require(Properties p, Path file, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(file + " has no " + key
                    + " (every service needs the '# --- Kubernetes' block, see docs/deploy.md)");
        }
        return v.trim();
    }

    /** Topics the service reads (its incoming channels). */
    public SortedSet<String> readTopics() {
        TreeSet<String> s = new TreeSet<>();
        incoming.forEach(i -> s.add(i.topic()));
        return s;
    }

    /** Topics the service writes: its public topic, outgoing channels and its dead-letter topics. */
    public SortedSet<String> writeTopics() {
        TreeSet<String> s = new TreeSet<>(producedTopics);
        s.addAll(outgoingTopics);
        incoming.stream().filter(i -> i.deadLetterTopic() != null).forEach(i -> s.add(i.deadLetterTopic()));
        return s;
    }

    /** Consumer groups the service commits offsets in. */
    public SortedSet<String> groups() {
        TreeSet<String> s = new TreeSet<>();
        incoming.forEach(i -> s.add(i.group()));
        return s;
    }

    /** Dead-letter topics of the service's consumers. */
    public SortedSet<String> deadLetterTopics() {
        TreeSet<String> s = new TreeSet<>();
        incoming.stream().filter(i -> i.deadLetterTopic() != null).forEach(i -> s.add(i.deadLetterTopic()));
        return s;
    }

    /** PostgreSQL role name of the service (CloudNativePG managed role). */
    public String dbRole() {
        return name.replace('-', '_');
    }

    /** Name of the basic-auth Secret holding the service's database role credentials. */
    public String dbSecret() {
        return "nystart-db-" + name;
    }
}
