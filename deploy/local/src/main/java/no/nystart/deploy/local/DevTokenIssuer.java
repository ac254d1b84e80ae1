package no.nystart.deploy.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * DEV ONLY, and only with {@code deploy/local/up --dev-issuer}: a minimal OpenID Connect token
 * issuer that stands in for Keycloak when a quick start matters more than a real identity
 * provider. It serves the discovery document and the JSON Web Key Set of an RSA key generated at
 * start, on Keycloak's FIXED loopback port (default 8180) under the realm path
 * {@code /realms/nystart}, and signs RS256 access tokens in Keycloak's shape (roles in
 * {@code realm_access.roles}).
 *
 * <p>It is NOT an identity provider: there are no users, no passwords, no login, no clients.
 * Anyone who can reach the loopback port can mint any token through
 * {@code GET /realms/nystart/dev/token?user=..&role=..}. By default the local stack runs a real
 * Keycloak ({@link KeycloakServer}). The services validate this issuer's tokens exactly as they
 * validate Keycloak's: discovery, JWKS, signature, issuer, expiry.
 *
 * <p>{@code platform/testing}'s {@code TestTokenIssuer} does the same for tests, but always binds a
 * random port; the local stack needs the fixed issuer URL the services default to.
 */
final class DevTokenIssuer implements AutoCloseable {
    static final String REALM_PATH = "/realms/nystart";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair keys;
    private final String keyId = "nystart-dev-" + UUID.randomUUID();
    private final String issuer;
    private final Duration lifetime;

    private DevTokenIssuer(int port, Duration lifetime) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
        this.lifetime = lifetime;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
        server.createContext(REALM_PATH + "/.well-known/openid-configuration", ex -> respond(ex, 200, discovery()));
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", ex -> respond(ex, 200, jwks()));
        server.createContext(REALM_PATH + "/dev/token", this::mintOverHttp);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dev-token-issuer");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Starts the issuer on 127.0.0.1:{@code port}; fails if the port is taken. */
    static DevTokenIssuer start(int port, Duration lifetime) {
        try {
            return new DevTokenIssuer(port, lifetime);
        } catch (java.net.BindException e) {
            throw new IllegalStateException("dev token issuer: port 127.0.0.1:" + port + " is in use", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("dev token issuer: cannot start on port " + port, e);
        }
    }

    /** The issuer URL ({@code quarkus.oidc.auth-server-url} of the services). */
    String issuer() {
        return issuer;
    }

    /** A signed access token for {@code user} with the given realm roles and extra claims. */
    String token(String user, List<String> roles, Map<String, Object> claims) {
        Instant now = Instant.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", issuer);
        payload.put("sub", UUID.nameUUIDFromBytes(("nystart-dev:" + user).getBytes(StandardCharsets.UTF_8)).toString());
        payload.put("preferred_username", user);
        payload.put("azp", "nystart-dev");
        payload.put("typ", "Bearer");
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plus(lifetime).getEpochSecond());
        payload.put("jti", UUID.randomUUID().toString());
        payload.put("realm_access", Map.of("roles", List.copyOf(roles)));
        payload.putAll(claims);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", keyId);
        try {
            String signingInput = B64URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + B64URL.encodeToString(JSON.writeValueAsBytes(payload));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rs256.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("dev token issuer: cannot sign a token", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** {@code GET /realms/nystart/dev/token?user=ada&role=reception-staff&role=..&municipality=0301}. */
    private void mintOverHttp(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, Map.of("error", "GET only"));
            return;
        }
        String user = "dev-user";
        List<String> roles = new java.util.ArrayList<>();
        Map<String, Object> claims = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                switch (key) {
                    case "user" -> user = value;
                    case "role" -> roles.addAll(Arrays.asList(value.split(",")));
                    case "municipality", "county", "reception_centre" -> claims.put(key, value);
                    default -> { /* ignored */ }
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token(user, roles, claims));
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime.toSeconds());
        respond(exchange, 200, body);
    }

    private Map<String, Object> discovery() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        // advertised because OIDC discovery requires them; this dev issuer does not implement them
        doc.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        doc.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return doc;
    }

    private Map<String, Object> jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", keyId);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", B64URL.encodeToString(magnitude(key.getModulus())));
        jwk.put("e", B64URL.encodeToString(magnitude(key.getPublicExponent())));
        return Map.of("keys", List.of(jwk));
    }

    /** Big-endian bytes without the sign byte BigInteger adds when the top bit is set. */
    private static byte[] magnitude(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
