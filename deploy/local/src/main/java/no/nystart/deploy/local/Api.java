package no.nystart.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * A small JSON client for the services' public REST API with a bearer token, as a user with that
 * token would call it. Used by the demo cohort and by the end-to-end test.
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: status code and body (parsed when it is JSON). */
    record Answer(String method, String url, int status, String body) {
        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + url + " answered " + status + " with a body that is not JSON: "
                        + body, e);
            }
        }

        /** The body as JSON when the status is one of {@code expected}; else an exception naming the call. */
        JsonNode expect(Integer... expected) {
            if (!Set.of(expected).contains(status)) {
                throw new IllegalStateException(method + " " + url + " answered " + status + " (expected "
                        + Set.of(expected) + "): " + body);
            }
            return json();
        }
    }

    private final String baseUrl;
    private final String token;

    Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same service with another caller's token. */
    Api as(String otherToken) {
        return new Api(baseUrl, otherToken);
    }

    String baseUrl() {
        return baseUrl;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    Answer send(String method, String path, Object body) {
        String url = baseUrl + path;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json, application/problem+json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method, url, r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url, e);
        }
    }
}
