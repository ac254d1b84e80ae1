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

    /** A currently free loopback port. */
    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
