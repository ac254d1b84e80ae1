package no.nystart.platform.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Runs INSIDE the broker child process (kafka-clients is on its classpath, not necessarily on the
 * parent's): waits until the broker answers a DescribeCluster with itself, creates the requested
 * topics, waits until every partition has a leader, then prints {@link KafkaBroker#READY_MARKER}
 * on standard output (which the parent redirects into the log file and watches).
 */
final class ChildReadiness {

    private ChildReadiness() {
    }

    static void startInBackground(String bootstrap, String topicSpec, long timeoutMs) {
        Thread t = new Thread(() -> run(bootstrap, topicSpec, timeoutMs), "nystart-broker-readiness");
        t.setDaemon(true);
        t.start();
    }

    private static void run(String bootstrap, String topicSpec, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try {
            Map<String, Integer> topics = KafkaBroker.parseTopics(topicSpec);
            awaitPortOpen(bootstrap, deadline);
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "nystart-broker-readiness");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
            props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "50");
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
            try (Admin admin = Admin.create(props)) {
                awaitBrokerRegistered(admin, deadline);
                createTopics(admin, topics);
                awaitLeaders(admin, topics.keySet(), deadline);
            }
            System.out.println(KafkaBroker.READY_MARKER + " " + bootstrap);
        } catch (Throwable t) {
            System.out.println(KafkaBroker.FAILED_MARKER + " readiness: " + t);
            t.printStackTrace(System.out);
        } finally {
            System.out.flush();
        }
    }

    private static void awaitPortOpen(String bootstrap, long deadline) throws InterruptedException {
        int colon = bootstrap.lastIndexOf(':');
        String host = bootstrap.substring(0, colon);
        int port = Integer.parseInt(bootstrap.substring(colon + 1));
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 500);
                return;
            } catch (IOException notYet) {
                checkDeadline(deadline, "broker port " + bootstrap + " did not open");
                Thread.sleep(50);
            }
        }
    }

    private static void awaitBrokerRegistered(Admin admin, long deadline) throws InterruptedException {
        while (true) {
            try {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                // broker not serving metadata yet
            }
            checkDeadline(deadline, "broker did not report itself in DescribeCluster");
            Thread.sleep(50);
        }
    }

    private static void createTopics(Admin admin, Map<String, Integer> topics) throws InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        List<NewTopic> newTopics = new ArrayList<>();
        topics.forEach((name, partitions) -> newTopics.add(new NewTopic(name, partitions, (short) 1)));
        Map<String, Throwable> failures = new LinkedHashMap<>();
        admin.createTopics(newTopics).values().forEach((name, future) -> {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    failures.put(name, e.getCause());
                }
            } catch (Exception e) {
                failures.put(name, e);
            }
        });
        if (!failures.isEmpty()) {
            throw new IllegalStateException("could not create topics: " + failures);
        }
    }

    private static void awaitLeaders(Admin admin, Collection<String> topics, long deadline) throws InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        while (true) {
            try {
                Map<String, TopicDescription> descriptions =
                        admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
                boolean allLed = descriptions.values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .map(TopicPartitionInfo::leader)
                        .allMatch(leader -> leader != null && !leader.isEmpty());
                if (allLed && descriptions.keySet().containsAll(topics)) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                // metadata not propagated yet
            }
            checkDeadline(deadline, "topics " + topics + " did not get leaders");
            Thread.sleep(50);
        }
    }

    private static void checkDeadline(long deadline, String what) {
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException(what + " in time");
        }
    }
}
