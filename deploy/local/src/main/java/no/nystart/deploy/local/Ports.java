package no.nystart.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port checks. */
final class Ports {
    private Ports() {
    }

    /** Whether nothing listens on 127.0.0.1:{@code port} and it can be bound. */
    static boolean isFree(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return false; // somebody answers
        } catch (IOException expected) {
            // nobody listening; can we bind it?
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a readable message when {@code port} is taken. */
    static void requireFree(int port, String what) {
        if (!isFree(port)) {
            throw new IllegalStateException(what + " needs port 127.0.0.1:" + port
                    + ", but it is in use (another local stack still running? check `ss -ltnp | grep :" + port + "`)");
        }
    }

    /** Ports {@link #free} has handed out in this JVM: none is handed out twice. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A currently free loopback port that this JVM has not handed out before. The ports of a stack are all
     * chosen before anything binds them, and the kernel may return the same free port twice (seen: Kafka and a
     * service both got one and the service failed to start).
     */
    static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port that was not handed out before, after 100 attempts");
    }
}
