package no.nystart.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Fires the same command several times at once, for tests of what concurrent duplicates do: every call waits
 * on one latch, so they reach the service together instead of one after another.
 */
public final class Concurrently {
    private Concurrently() {
    }

    /** One HTTP answer: status, content type and body. */
    public record Answer(int status, String contentType, String body) {
        public boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    /** Runs {@code n} copies of {@code call}, released together; returns their answers in start order. */
    public static <T> List<T> run(int n, Callable<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the " + n + " calls did not all start");
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("concurrent calls failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@link #run} for REST Assured calls: each supplier sends one request and returns its response. */
    public static List<Answer> http(int n, Supplier<io.restassured.response.Response> request) {
        return run(n, () -> {
            io.restassured.response.Response r = request.get();
            return new Answer(r.statusCode(), r.contentType(), r.asString());
        });
    }

    /** How many answers had each status, e.g. {200=1, 409=3}. */
    public static Map<Integer, Long> statuses(List<Answer> answers) {
        Map<Integer, Long> counts = new TreeMap<>();
        answers.forEach(a -> counts.merge(a.status(), 1L, Long::sum));
        return counts;
    }
}
