package no.nystart.deploy.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A tiny separate JVM that cleans up after the launcher if the launcher dies without running its
 * shutdown hook (kill -9, OOM kill, a crashed JVM). The launcher starts it first and tells it, one
 * line at a time on its standard input, what to clean up:
 *
 * <pre>
 * pid 12345 reception-training    a child process (a service, Keycloak's kc.sh) to stop, with its descendants
 * forget 12345                    that child was stopped by the launcher
 * pgdata /path/to/data            the PostgreSQL data directory (postmaster.pid names the server)
 * done                            the launcher stopped everything itself: exit, do nothing
 * </pre>
 *
 * When its standard input ends without {@code done}, the launcher is gone: it stops the
 * remembered children and their descendants (SIGTERM, then SIGKILL), then the PostgreSQL server,
 * and exits. (The Kafka
 * broker has its own orphan guard.) It ignores SIGINT, SIGTERM and SIGHUP, so that a Ctrl-C in
 * the terminal, which reaches the whole process group, does not take it down before the launcher.
 */
public final class OrphanGuard {
    private static final long GRACE_SECONDS = 15;

    private OrphanGuard() {
    }

    public static void main(String[] args) throws IOException {
        ignoreSignals("INT", "TERM", "HUP");
        Map<Long, String> children = new LinkedHashMap<>();
        List<Path> pgData = new ArrayList<>();
        boolean done = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.trim().split("\\s+", 3);
                switch (parts[0]) {
                    case "pid" -> children.put(Long.parseLong(parts[1]), parts.length > 2 ? parts[2] : "child");
                    case "forget" -> children.remove(Long.parseLong(parts[1]));
                    case "pgdata" -> pgData.add(Path.of(line.trim().substring("pgdata".length()).trim()));
                    case "done" -> done = true;
                    default -> log("ignoring unknown command: " + line);
                }
                if (done) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            log("reading commands failed: " + e);
        }
        if (done) {
            log("launcher stopped cleanly; nothing to do");
            return;
        }
        log("launcher is gone without a clean stop: stopping " + children.size() + " children and "
                + pgData.size() + " PostgreSQL server(s)");
        List<ProcessHandle> stopping = new ArrayList<>();
        children.forEach((pid, label) -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> {
            // a child may be a script with the real process below it (Keycloak: kc.sh, then its JVM).
            // The descendants are remembered and awaited too, so none outlives its parent script.
            List<ProcessHandle> descendants = p.descendants().toList();
            log("SIGTERM " + label + " (pid " + pid + (descendants.isEmpty() ? "" : ", and its descendants "
                    + descendants.stream().map(d -> String.valueOf(d.pid())).toList()) + ")");
            descendants.forEach(ProcessHandle::destroy);
            p.destroy();
            stopping.addAll(descendants);
            stopping.add(p);
        }));
        awaitOrKill(stopping);
        for (Path dir : pgData) {
            postmaster(dir).ifPresent(p -> {
                // SIGTERM = "smart" shutdown; its clients (the services) are gone by now
                log("SIGTERM PostgreSQL postmaster (pid " + p.pid() + ", data " + dir + ")");
                p.destroy();
                awaitOrKill(List.of(p));
            });
        }
        log("cleanup finished");
    }

    private static void awaitOrKill(List<ProcessHandle> processes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        for (ProcessHandle p : processes) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (Exception timeout) {
                log("SIGKILL pid " + p.pid());
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /** The running postmaster of a data directory (first line of postmaster.pid), if it is a postgres process. */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            log("cannot read " + pidFile + ": " + e);
            return Optional.empty();
        }
    }

    private static void ignoreSignals(String... names) {
        for (String name : names) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log("cannot ignore SIG" + name + ": " + e.getMessage());
            }
        }
    }

    private static void log(String message) {
        System.out.println(LocalTime.now().withNano(0) + " orphan-guard: " + message);
        System.out.flush();
    }
}
