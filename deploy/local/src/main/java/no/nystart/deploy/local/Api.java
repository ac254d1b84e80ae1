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

    /** An answer: status code, body (parsed when it is JSON) and the target of its {@code Link rel="next"} (or null). */
    record Answer(String method, String url, int status, String body, String next) {
        Answer(String method, String url, int status, String body) {
            this(method, url, status, body, null);
        }

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

    /**
     * Every item of a paged list (docs/architecture.md, "Paging"): the first page of {@code path} (500 items per page
     * unless the path sets {@code limit}), then each {@code Link rel="next"} until the last page, as one JSON array.
     */
    JsonNode getAll(String path) {
        com.fasterxml.jackson.databind.node.ArrayNode all = JSON.createArrayNode();
        String next = path.contains("limit=") ? path : path + (path.contains("?") ? "&" : "?") + "limit=500";
        while (next != null) {
            Answer page = get(next);
            page.expect(200).forEach(all::add);
            next = page.next();
        }
        return all;
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** The path of a {@code <…>; rel="next"} link (the services answer path-absolute targets), or null. */
    static String nextLink(java.util.List<String> links) {
        java.util.regex.Pattern next = java.util.regex.Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");
        for (String header : links) {
            java.util.regex.Matcher m = next.matcher(header);
            if (m.find()) {
                String target = m.group(1);
                return target.startsWith("http") ? URI.create(target).getRawPath() + "?" + URI.create(target).getRawQuery() : target;
            }
        }
        return null;
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
            return new Answer(method, url, r.statusCode(), r.body(), nextLink(r.headers().allValues("Link")));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url, e);
        }
    }
}
