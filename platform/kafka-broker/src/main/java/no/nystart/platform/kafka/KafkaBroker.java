package no.nystart.platform.kafka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real single-node KRaft Kafka broker (combined broker + controller) running as a CHILD process.
 *
 * <p>This class uses only the JDK: it can be loaded on a classpath that has no Kafka jar at all.
 * The child runs {@code java -cp <broker classpath> no.nystart.platform.kafka.WatchedKafkaMain
 * server.properties}; the broker classpath is read from the resource {@value #CLASSPATH_RESOURCE}
 * written into this module's jar at build time (absolute jar paths in the local Maven repository).
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.builder(Path.of("target/kafka"))
 *         .topic("reception.events.v1", 6)
 *         .start()) {
 *     String bootstrap = kafka.bootstrapServers();
 *     kafka.stop();   // port closed, data kept
 *     kafka.start();  // same port, same data
 * }
 * }</pre>
 *
 * <p>The broker port (and the controller port) are chosen once, when the instance is built (0 = a
 * free port), and kept for every restart of the instance. Thread-safe.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Resource (in this module's jar) that holds the broker's runtime classpath. */
    public static final String CLASSPATH_RESOURCE = "META-INF/nystart/kafka-broker.classpath";
    /** System property that, when set, replaces the broker classpath (must include this module's jar). */
    public static final String CLASSPATH_PROPERTY = "nystart.kafka.broker.classpath";
    /**
     * Default child JVM options. C1 only (TieredStopAtLevel=1) cut the broker's CPU time to ready
     * from ~7.5 s to ~5 s on 2 cores: startup dominates in tests and the local stack.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    static final String CHILD_MAIN = "no.nystart.platform.kafka.WatchedKafkaMain";
    static final String READY_MARKER = "NYSTART-KAFKA-READY";
    static final String FAILED_MARKER = "NYSTART-KAFKA-FAILED";
    static final String ORPHAN_MARKER = "NYSTART-KAFKA-ORPHANED";
    static final String HOST = "127.0.0.1";
    // system properties understood by the child (WatchedKafkaMain); kept here so that this class
    // never needs to load the child's classes
    /** Child property: cluster id to format the (unformatted) storage with before starting. */
    static final String FORMAT_CLUSTER_ID = "nystart.kafka.format.clusterId";
    /** Child property: bootstrap address the readiness check connects to. */
    static final String BOOTSTRAP = "nystart.kafka.bootstrap";
    /** Child property: topics to create, {@code name:partitions,name:partitions}. */
    static final String TOPICS = "nystart.kafka.topics";
    /** Child property: readiness timeout in milliseconds. */
    static final String READY_TIMEOUT_MS = "nystart.kafka.readyTimeoutMs";
    private static final String STORAGE_DIR = "kraft-logs";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Map<String, Integer> topics;
    private final List<String> jvmOptions;
    private final Path logFile;
    private final String logLevel;
    private final Map<String, String> extraProperties;
    private final Duration startTimeout;
    private final Duration stopTimeout;

    private Process process;
    private OutputStream childStdin; // held open on purpose: its closing is the child's signal to exit
    private Thread shutdownHook;

    private KafkaBroker(Builder b) {
        this.dataDir = b.dataDir.toAbsolutePath().normalize();
        this.port = b.port == 0 ? freePort() : b.port;
        int cport = b.controllerPort == 0 ? freePort() : b.controllerPort;
        while (cport == this.port) {
            cport = freePort();
        }
        this.controllerPort = cport;
        this.topics = Collections.unmodifiableMap(new LinkedHashMap<>(b.topics));
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.logFile = (b.logFile != null ? b.logFile : this.dataDir.resolve("broker.log")).toAbsolutePath().normalize();
        this.logLevel = b.logLevel;
        this.extraProperties = Collections.unmodifiableMap(new TreeMap<>(b.properties));
        this.startTimeout = b.startTimeout;
        this.stopTimeout = b.stopTimeout;
    }

    /** A builder for a broker whose storage (and, by default, log file) lives under {@code dataDir}. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Starts the broker and returns when it serves requests and the requested topics exist with a
     * leader on every partition. Formats the storage first if it has never been formatted. Calling
     * it on a running broker does nothing; calling it after {@link #stop()} restarts the broker on
     * the same ports and data directory.
     *
     * @return this broker
     * @throws IllegalStateException if the broker failed or did not become ready in time (the child
     *                               is stopped, the message holds the tail of the log)
     */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        if (process != null) { // died on its own since the last start
            closeQuietly(childStdin);
            process = null;
            childStdin = null;
        }
        requirePortFree(port, "broker");
        requirePortFree(controllerPort, "controller");
        try {
            Files.createDirectories(dataDir);
            Path parentOfLog = logFile.getParent();
            if (parentOfLog != null) {
                Files.createDirectories(parentOfLog);
            }
            Path serverProperties = dataDir.resolve("server.properties");
            Files.writeString(serverProperties, serverProperties(), StandardCharsets.UTF_8);
            Path log4j = dataDir.resolve("log4j2.properties");
            Files.writeString(log4j, log4jProperties(), StandardCharsets.UTF_8);

            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-Djava.awt.headless=true");
            command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
            command.add("-D" + BOOTSTRAP + "=" + bootstrapServers());
            command.add("-D" + TOPICS + "=" + formatTopics(topics));
            command.add("-D" + READY_TIMEOUT_MS + "=" + startTimeout.toMillis());
            if (!Files.exists(dataDir.resolve(STORAGE_DIR).resolve("meta.properties"))) {
                command.add("-D" + FORMAT_CLUSTER_ID + "=" + newClusterId());
            }
            command.add("-cp");
            command.add(brokerClasspath());
            command.add(CHILD_MAIN);
            command.add(serverProperties.toString());

            long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0L;
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            // stdin stays a PIPE (the default): the orphan guard in the child watches it.
            Process p = pb.start();
            this.process = p;
            this.childStdin = p.getOutputStream();
            registerShutdownHook();
            try {
                awaitReady(p, logOffset);
            } catch (RuntimeException | Error e) {
                stop();
                throw e;
            }
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("could not start the Kafka broker in " + dataDir, e);
        }
    }

    /**
     * Stops the broker: SIGTERM (clean shutdown), waits up to the stop timeout, then kills it.
     * Returns when the process has exited (its ports are closed). Data is kept. Idempotent.
     */
    public synchronized void stop() {
        Process p = this.process;
        if (p != null) {
            // SIGTERM through the handle: Process.destroy() would also close the child's stdin, which
            // the orphan guard reads as "parent gone"; the broker shuts down cleanly either way, but
            // the log should say why it stopped
            p.toHandle().destroy();
            try {
                if (!p.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            closeQuietly(childStdin);
            this.process = null;
            this.childStdin = null;
        }
        unregisterShutdownHook();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Whether the child process is alive. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code 127.0.0.1:<port>}; valid before {@link #start()} and across restarts. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The broker (PLAINTEXT) port, fixed for the life of this instance. */
    public int port() {
        return port;
    }

    /** The KRaft controller port, fixed for the life of this instance. */
    public int controllerPort() {
        return controllerPort;
    }

    /** The data directory (server.properties, log4j2.properties and the KRaft storage live here). */
    public Path dataDir() {
        return dataDir;
    }

    /** The file the child's standard output and error (the broker log) are appended to. */
    public Path logFile() {
        return logFile;
    }

    /** The topics (name to partition count) created at every start if missing. */
    public Map<String, Integer> topics() {
        return topics;
    }

    /** The pid of the running child process, empty when stopped. */
    public synchronized OptionalLong pid() {
        return isRunning() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /**
     * Command line: starts a broker and waits until it dies or this JVM is stopped (Ctrl-C stops
     * the broker cleanly; killing this JVM makes the broker exit through the orphan guard).
     *
     * <pre>
     * java -cp platform-kafka-broker.jar no.nystart.platform.kafka.KafkaBroker \
     *      --port 9092 --data target/kafka --topics reception.events.v1:6,settlement.events.v1:3
     * </pre>
     *
     * Options: {@code --port N} (default 9092; 0 = free port), {@code --controller-port N} (default
     * 0), {@code --data DIR} (default target/kafka), {@code --topics name:partitions,...},
     * {@code --log FILE} (default DIR/broker.log), {@code --log-level LEVEL} (default WARN),
     * {@code --jvm-option OPT} (repeatable; replaces the defaults).
     */
    public static void main(String[] args) throws InterruptedException {
        Builder b = builder(Path.of("target/kafka")).port(9092);
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println("usage: KafkaBroker [--port N] [--controller-port N] [--data DIR] "
                        + "[--topics name:partitions,...] [--log FILE] [--log-level LEVEL] [--jvm-option OPT]...");
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> b.port(Integer.parseInt(value));
                case "--controller-port" -> b.controllerPort(Integer.parseInt(value));
                case "--data" -> b.dataDir = Path.of(value);
                case "--topics" -> b.topics(parseTopics(value));
                case "--log" -> b.logFile(Path.of(value));
                case "--log-level" -> b.logLevel(value);
                case "--jvm-option" -> jvm.add(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (!jvm.isEmpty()) {
            b.jvmOptions(jvm);
        }
        long t0 = System.nanoTime();
        KafkaBroker broker = b.start();
        System.out.printf("Kafka broker ready at %s in %d ms (data %s, log %s, pid %d)%n",
                broker.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
                broker.dataDir(), broker.logFile(), broker.pid().orElse(-1));
        Process p;
        synchronized (broker) {
            p = broker.process;
        }
        int rc = p.waitFor();
        System.err.println("Kafka broker stopped (exit code " + rc + ")");
        System.exit(rc == 0 ? 0 : 1);
    }

    // ---------------------------------------------------------------- internals

    String serverProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve(STORAGE_DIR).toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // tests rely on topics that nobody created explicitly (dead-letter topics, ad-hoc test topics)
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // the log cleaner's dedupe buffer defaults to 128 MiB: too much for a 256 MiB heap
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        p.putAll(extraProperties);
        StringBuilder sb = new StringBuilder("# written by no.nystart.platform.kafka.KafkaBroker at every start\n");
        p.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        return sb.toString();
    }

    private String log4jProperties() {
        return String.join("\n",
                "# written by no.nystart.platform.kafka.KafkaBroker at every start",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.target = SYSTEM_OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = " + logLevel,
                "rootLogger.appenderRef.out.ref = OUT",
                "");
    }

    private void awaitReady(Process p, long logOffset) throws IOException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        StringBuilder seen = new StringBuilder();
        long offset = logOffset;
        while (true) {
            offset = readNew(offset, seen);
            int failed = seen.indexOf(FAILED_MARKER);
            if (failed >= 0) {
                throw new IllegalStateException("Kafka broker failed to start: " + tail(seen, failed));
            }
            if (seen.indexOf(READY_MARKER) >= 0) {
                return;
            }
            if (!p.isAlive()) {
                readNew(offset, seen);
                throw new IllegalStateException("Kafka broker process exited with " + p.exitValue()
                        + " before it was ready; log " + logFile + ":\n" + tail(seen, seen.length()));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Kafka broker not ready within " + startTimeout + "; log "
                        + logFile + ":\n" + tail(seen, seen.length()));
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
            }
        }
    }

    private long readNew(long offset, StringBuilder into) throws IOException {
        if (!Files.exists(logFile)) {
            return offset;
        }
        try (RandomAccessFile raf = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = raf.length();
            if (length <= offset) {
                return offset;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 4 * 1024 * 1024)];
            raf.seek(offset);
            raf.readFully(bytes);
            into.append(new String(bytes, StandardCharsets.UTF_8));
            return offset + bytes.length;
        }
    }

    private static String tail(CharSequence text, int around) {
        int from = Math.max(0, around - 4000);
        int to = Math.min(text.length(), around + 4000);
        return text.subSequence(from, to).toString();
    }

    private void registerShutdownHook() {
        if (shutdownHook != null) {
            return;
        }
        Thread hook = new Thread(this::stop, "nystart-kafka-broker-stop-" + port);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHook = hook;
        } catch (IllegalStateException shuttingDown) {
            // JVM already exiting: the orphan guard will stop the child
        }
    }

    private void unregisterShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
    }

    private static void closeQuietly(OutputStream out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the process is gone
            }
        }
    }

    /** The child classpath: this module's own jar (or classes directory) plus the broker's jars. */
    static String brokerClasspath() {
        String override = System.getProperty(CLASSPATH_PROPERTY);
        if (override != null && !override.isBlank()) {
            return override.trim();
        }
        String recorded;
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + CLASSPATH_RESOURCE + " missing: build platform/kafka-broker"
                        + " with Maven (it is written by maven-dependency-plugin:build-classpath)");
            }
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> entries = new ArrayList<>();
        entries.add(ownLocation().toString());
        List<String> missing = new ArrayList<>();
        for (String entry : recorded.split("[" + File.pathSeparator + "\\r\\n]+")) {
            if (entry.isBlank()) {
                continue;
            }
            if (!Files.exists(Path.of(entry))) {
                missing.add(entry);
            }
            entries.add(entry);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Kafka broker jars missing from the local Maven repository (rebuild "
                    + "platform/kafka-broker with Maven to download them): " + missing);
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar or classes directory that holds this class. */
    static Path ownLocation() {
        try {
            java.security.CodeSource source = KafkaBroker.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
                Path path = Paths.get(source.getLocation().toURI());
                if (Files.exists(path)) {
                    return path;
                }
            }
        } catch (SecurityException | URISyntaxException | IllegalArgumentException e) {
            // fall back to the class file's URL
        }
        String resource = KafkaBroker.class.getName().replace('.', '/') + ".class";
        URL url = KafkaBroker.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("cannot locate " + resource);
        }
        try {
            String s = url.toString();
            if (s.startsWith("jar:")) {
                String jar = s.substring(4, s.indexOf("!/"));
                return Paths.get(new URL(jar).toURI());
            }
            if (s.startsWith("file:")) {
                Path classFile = Paths.get(url.toURI());
                Path root = classFile;
                for (int i = 0; i < resource.split("/").length; i++) {
                    root = root.getParent();
                }
                return root;
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot locate the platform-kafka-broker jar from " + url, e);
        }
        throw new IllegalStateException("cannot locate the platform-kafka-broker jar from " + url
                + "; set -D" + CLASSPATH_PROPERTY);
    }

    /** Fails fast (instead of after a JVM start) when another process holds one of our ports. */
    private static void requirePortFree(int port, String what) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getByName(HOST), port), 1);
        } catch (IOException e) {
            throw new IllegalStateException("Kafka " + what + " port " + HOST + ":" + port
                    + " is not free (Address already in use?): " + e.getMessage(), e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** A KRaft cluster id: 16 random bytes, URL-safe Base64 without padding (as kafka's Uuid prints it). */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    /** Parses {@code name:partitions,name:partitions} ({@code name} alone means 1 partition). */
    static Map<String, Integer> parseTopics(String spec) {
        Map<String, Integer> result = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return result;
        }
        for (String item : spec.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) {
                continue;
            }
            int colon = t.lastIndexOf(':');
            if (colon < 0) {
                result.put(t, 1);
            } else {
                result.put(t.substring(0, colon).trim(), Integer.parseInt(t.substring(colon + 1).trim()));
            }
        }
        return result;
    }

    static String formatTopics(Map<String, Integer> topics) {
        return topics.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    /** Configures a {@link KafkaBroker}; {@link #build()} fixes the ports, {@link #start()} also starts it. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private int controllerPort;
        private final Map<String, Integer> topics = new LinkedHashMap<>();
        private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
        private Path logFile;
        private String logLevel = "WARN";
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private Duration stopTimeout = Duration.ofSeconds(15);

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** Broker port on 127.0.0.1; 0 (default) = a free port chosen at {@link #build()}, kept across restarts. */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /** KRaft controller port on 127.0.0.1; 0 (default) = a free port chosen at {@link #build()}. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort);
            return this;
        }

        /** A topic created (replication factor 1) at every start if it does not exist yet. */
        public Builder topic(String name, int partitions) {
            if (name == null || name.isBlank() || name.contains(",") || name.contains(":")) {
                throw new IllegalArgumentException("bad topic name: " + name);
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1: " + name + ":" + partitions);
            }
            topics.put(name, partitions);
            return this;
        }

        /** Several topics, name to partition count. */
        public Builder topics(Map<String, Integer> topicsAndPartitions) {
            topicsAndPartitions.forEach(this::topic);
            return this;
        }

        /** Options of the child JVM; replaces {@link #DEFAULT_JVM_OPTIONS}. */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** Shortcut: replaces the -Xmx option, e.g. {@code "512m"}. */
        public Builder maxHeap(String size) {
            List<String> options = new ArrayList<>();
            for (String o : jvmOptions) {
                if (!o.startsWith("-Xmx")) {
                    options.add(o);
                }
            }
            options.add(0, "-Xmx" + size);
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** File the broker's output is appended to; default {@code <dataDir>/broker.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Root log level of the broker (log4j2), default WARN (quiet). */
        public Builder logLevel(String level) {
            this.logLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /** Any broker property; overrides the defaults of this class. */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** How long {@link KafkaBroker#start()} waits for readiness (default 60 s). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long {@link KafkaBroker#stop()} waits after SIGTERM before it kills (default 15 s). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Builds the broker (ports fixed now) without starting it. */
        public KafkaBroker build() {
            return new KafkaBroker(this);
        }

        /** {@code build().start()}. */
        public KafkaBroker start() {
            return build().start();
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("bad port " + port);
            }
            return port;
        }
    }
}
