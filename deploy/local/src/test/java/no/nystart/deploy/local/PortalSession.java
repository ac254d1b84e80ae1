package no.nystart.deploy.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user of the staff portal over plain HTTP, walking the sign-in as a browser does (no JavaScript): the portal's
 * /logg-inn sends to Keycloak's login page with a PKCE challenge, the login form is posted, Keycloak sends back to the
 * portal's callback, and the portal sets its session cookie. One cookie jar per origin, redirects followed by hand.
 * Used by the end-to-end test and the portal benchmark.
 */
class PortalSession {
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    final String user;
    final String portal;
    private final String password;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

    PortalSession(String user, String password, String portal) {
        this.user = user;
        this.password = password;
        this.portal = portal;
    }

    /** The code flow: /logg-inn → Keycloak's form → the portal's callback → /; fails unless the portal shows "Logg ut". */
    void signIn(String keycloak) throws Exception {
        HttpResponse<String> r = get("/logg-inn");
        String auth = location(r, "the portal's /logg-inn");
        if (!auth.startsWith(keycloak) || !auth.contains("code_challenge_method=S256")) {
            throw new IllegalStateException("/logg-inn did not send to Keycloak with PKCE: " + auth);
        }
        r = send(HttpRequest.newBuilder(URI.create(auth)).GET());
        Matcher m = FORM_ACTION.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no Keycloak login form (" + r.statusCode() + ")");
        }
        String action = m.group(1).replace("&amp;", "&");
        r = send(HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password,
                        "credentialId", "")))));
        String callback = location(r, "Keycloak's login form");
        for (int i = 0; i < 4 && callback.startsWith(portal) && !callback.equals(portal + "/"); i++) {
            r = send(HttpRequest.newBuilder(URI.create(callback)).GET());
            if (r.statusCode() == 200) {
                break;
            }
            String to = location(r, "the portal's callback");
            callback = to.startsWith("/") ? portal + to : to;
        }
        r = get("/");
        if (r.statusCode() != 200 || !r.body().contains("Logg ut") || !hasSessionCookie()) {
            throw new IllegalStateException(user + " is not signed in at the portal (" + r.statusCode() + ")");
        }
    }

    /** Whether the portal has set its session cookie ({@code q_session…}) in this session's jar. */
    boolean hasSessionCookie() {
        return cookies.getOrDefault(origin(URI.create(portal)), Map.of()).keySet().stream()
                .anyMatch(c -> c.startsWith("q_session"));
    }

    /** A GET of a portal path with this session's cookies; redirects are not followed. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(portal + path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpRequest req = b.timeout(Duration.ofSeconds(30)).build();
        Map<String, String> jar = cookies.computeIfAbsent(origin(req.uri()), k -> new ConcurrentHashMap<>());
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(req.uri()).timeout(Duration.ofSeconds(30));
        req.headers().map().forEach((k, v) -> v.forEach(x -> withCookies.header(k, x)));
        withCookies.method(req.method(), req.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        if (!jar.isEmpty()) {
            withCookies.header("Cookie", String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList()));
        }
        HttpResponse<String> r = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : r.headers().allValues("Set-Cookie")) {
            String[] parts = set.split(";");
            String[] nv = parts[0].split("=", 2);
            boolean expired = nv.length < 2 || nv[1].isEmpty() || Arrays.stream(parts).map(String::strip)
                    .anyMatch(p -> p.equalsIgnoreCase("Max-Age=0") || p.toLowerCase(Locale.ROOT).startsWith("expires=thu, 01 jan 1970"));
            if (expired) {
                jar.remove(nv[0].strip());
            } else {
                jar.put(nv[0].strip(), nv[1]);
            }
        }
        return r;
    }

    static String location(HttpResponse<String> r, String what) {
        String loc = r.headers().firstValue("Location").orElse(null);
        if (r.statusCode() / 100 != 3 || loc == null) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + " without a redirect: "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
        return loc;
    }

    static String form(Map<String, String> form) {
        return String.join("&", form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    private static String origin(URI u) {
        return u.getHost() + ":" + u.getPort();
    }
}
