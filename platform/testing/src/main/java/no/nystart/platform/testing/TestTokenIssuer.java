package no.nystart.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real OpenID Connect token issuer for tests: an HTTP server on a free loopback port that
 * serves the discovery document and the JSON Web Key Set of a fresh RSA key, and signs RS256
 * access tokens with the roles and claims a test asks for ({@link #token()}). The services
 * validate these tokens exactly as they validate Keycloak's: discovery, JWKS, signature, issuer,
 * expiry. Roles are put where Keycloak puts them ({@code realm_access.roles}). Like Keycloak it advertises an
 * introspection endpoint; it counts the calls to it and to the JWKS, so tests can check that a forged token
 * costs no outbound call.
 */
public final class TestTokenIssuer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair keyPair;
    private final String keyId = UUID.randomUUID().toString();
    private final String issuer;
    /** A key the JWKS never shows, for tokens a service must refuse ({@link TokenBuilder#signWithUnknownKey()}). */
    private final KeyPair unknownKeyPair;
    private final java.util.concurrent.atomic.AtomicInteger jwksRequests = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger introspectionRequests = new java.util.concurrent.atomic.AtomicInteger();

    private TestTokenIssuer() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keyPair = generator.generateKeyPair();
        this.unknownKeyPair = generator.generateKeyPair();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/nystart";
        server.createContext("/realms/nystart/.well-known/openid-configuration", exchange -> json(exchange, discovery()));
        server.createContext("/realms/nystart/protocol/openid-connect/certs", exchange -> {
            jwksRequests.incrementAndGet();
            json(exchange, jwks());
        });
        // as Keycloak's: answers that it does not know the token (a service should never need to ask)
        server.createContext("/realms/nystart/protocol/openid-connect/token/introspect", exchange -> {
            introspectionRequests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            json(exchange, Map.of("active", false));
        });
        server.start();
    }

    public static TestTokenIssuer start() {
        try {
            return new TestTokenIssuer();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the test token issuer", e);
        }
    }

    /** The issuer URL, to be used as {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return issuer;
    }

    /** How many times the JSON Web Key Set was fetched. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** How many times the token introspection endpoint was called. */
    public int introspectionRequests() {
        return introspectionRequests.get();
    }

    /** Starts a token for a user; add roles and claims, then {@link TokenBuilder#sign()}. */
    public TokenBuilder token() {
        return new TokenBuilder();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Builds one signed access token. */
    public final class TokenBuilder {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Duration lifetime = Duration.ofMinutes(10);
        private Instant issuedAt = Instant.now();

        private TokenBuilder() {
            claims.put("sub", UUID.randomUUID().toString());
            claims.put("preferred_username", "test-user");
            claims.put("azp", "nystart-test");
        }

        public TokenBuilder user(String username) {
            claims.put("preferred_username", username);
            return this;
        }

        public TokenBuilder roles(String... roles) {
            claims.put("realm_access", Map.of("roles", List.of(roles)));
            return this;
        }

        public TokenBuilder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        /** An already expired token, for negative tests. */
        public TokenBuilder expired() {
            issuedAt = Instant.now().minus(Duration.ofHours(2));
            lifetime = Duration.ofMinutes(5);
            return this;
        }

        public String sign() {
            return sign(keyPair, keyId);
        }

        /**
         * Signs with a key this issuer never publishes, under a key id its JWKS does not have: a forged token, as anyone
         * can make one.
         */
        public String signWithUnknownKey() {
            return sign(unknownKeyPair, UUID.randomUUID().toString());
        }

        private String sign(KeyPair signingKey, String kid) {
            Map<String, Object> payload = new LinkedHashMap<>(claims);
            payload.put("iss", issuer);
            payload.put("iat", issuedAt.getEpochSecond());
            payload.put("exp", issuedAt.plus(lifetime).getEpochSecond());
            payload.put("jti", UUID.randomUUID().toString());
            payload.put("typ", "Bearer");
            Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", kid);
            try {
                String signingInput = B64URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
                        + B64URL.encodeToString(JSON.writeValueAsBytes(payload));
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initSign(signingKey.getPrivate());
                rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + B64URL.encodeToString(rs256.sign());
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign the test token", e);
            }
        }
    }

    private Map<String, Object> discovery() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        doc.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        doc.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        doc.put("introspection_endpoint", issuer + "/protocol/openid-connect/token/introspect");
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        return doc;
    }

    private Map<String, Object> jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) keyPair.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", keyId);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", B64URL.encodeToString(unsigned(publicKey.getModulus())));
        jwk.put("e", B64URL.encodeToString(unsigned(publicKey.getPublicExponent())));
        return Map.of("keys", List.of(jwk));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static void json(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
