package no.nystart.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the realm file against a real Keycloak: the distribution the build unpacked into
 * target/keycloak is started with deploy/local/keycloak/nystart-realm.json (a fresh database, so the
 * realm is imported), and tokens are requested the way the local stack does.
 */
class KeycloakRealmTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODULE = Path.of("").toAbsolutePath(); // surefire runs in deploy/local

    @TempDir
    static Path data;

    private static KeycloakServer keycloak;
    private static int port;

    @BeforeAll
    static void startKeycloak() throws Exception {
        Path repo = MODULE.resolve("../..").normalize();
        port = Ports.free();
        keycloak = KeycloakServer.start(KeycloakServer.distribution(repo), KeycloakServer.realmFile(repo),
                data.resolve("keycloak"), port, MODULE.resolve("target/keycloak-test.log"));
        keycloak.awaitReady(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.stop(Duration.ofSeconds(20));
            assertThat(keycloak.isAlive()).as("Keycloak stopped").isFalse();
        }
    }

    @Test
    void caseworkerGetsASignedTokenWithIssuerRoleAndMunicipalityByPasswordGrant() throws Exception {
        String token = keycloak.passwordGrant("maja.saksbehandler", KeycloakServer.DEMO_PASSWORD);

        JsonNode claims = KeycloakServer.claims(token);
        assertThat(claims.path("iss").asText()).isEqualTo("http://127.0.0.1:" + port + "/realms/nystart");
        assertThat(roles(claims)).contains("municipal-caseworker")
                .doesNotContain("settlement-officer", "system");
        assertThat(claims.path("municipality").isTextual()).as("municipality is a top-level string claim").isTrue();
        assertThat(claims.path("municipality").asText()).isEqualTo("0301");
        assertThat(claims.has("county")).isFalse();
        assertThat(claims.path("preferred_username").asText()).isEqualTo("maja.saksbehandler");
        assertThat(claims.path("azp").asText()).isEqualTo(KeycloakServer.STAFF_CLIENT);
        assertThat(claims.path("exp").asLong()).isGreaterThan(claims.path("iat").asLong());
        assertThat(signatureValid(token)).as("RS256 signature checks against the realm's JWKS").isTrue();
    }

    @Test
    void everyDemoUserGetsItsRoleAndOrganisationClaims() throws Exception {
        for (LocalStack.DevUser u : LocalStack.DEV_USERS) {
            String token = u.role().equals("system") ? keycloak.clientCredentialsGrant()
                    : keycloak.passwordGrant(u.user(), KeycloakServer.DEMO_PASSWORD);
            JsonNode claims = KeycloakServer.claims(token);
            assertThat(roles(claims)).as(u.user()).contains(u.role());
            for (String claim : List.of("municipality", "county", "reception_centre")) {
                Object expected = u.claims().get(claim);
                if (expected == null) {
                    assertThat(claims.has(claim)).as(u.user() + " has no " + claim).isFalse();
                } else {
                    assertThat(claims.path(claim).asText()).as(u.user() + " " + claim).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void systemClientGetsRoleSystemByClientCredentials() throws Exception {
        JsonNode claims = KeycloakServer.claims(keycloak.clientCredentialsGrant());
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(roles(claims)).contains("system");
        assertThat(claims.path("azp").asText()).isEqualTo(KeycloakServer.SYSTEM_CLIENT);
    }

    @Test
    void wrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> keycloak.passwordGrant("maja.saksbehandler", "wrong-password"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("401");
    }

    @Test
    void systemClientCannotUseThePasswordGrant() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=nystart-system"
                        + "&client_secret=" + KeycloakServer.SYSTEM_CLIENT_SECRET
                        + "&username=maja.saksbehandler&password=" + KeycloakServer.DEMO_PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isIn(400, 401);
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static boolean signatureValid(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak.issuer() + "/protocol/openid-connect/certs")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode key : JSON.readTree(jwks.body()).path("keys")) {
            if (key.path("kid").asText().equals(header.path("kid").asText())) {
                PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                        new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(publicKey);
                verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
            }
        }
        return false;
    }
}
