package no.nystart.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import no.nystart.platform.testing.TestInfrastructure;
import no.nystart.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;

/**
 * A token signed with a key the issuer never published is refused locally (issue 15, defect 8): 401, no call to
 * the issuer's introspection endpoint, at most one refresh of the key set for many such tokens, and a counter.
 */
@QuarkusTest
@QuarkusTestResource(value = no.nystart.platform.testing.NyStartTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform_test"))
class ForgedTokenTest {
    @Inject
    MeterRegistry registry;

    private double refused() {
        Counter counter = registry.find("nystart.auth.refused").counter();
        assertThat(counter).as("counter nystart.auth.refused").isNotNull();
        return counter.count();
    }

    @Test
    void a_token_with_an_unknown_key_is_refused_without_asking_the_issuer() {
        TestTokenIssuer issuer = TestInfrastructure.get().tokens();
        // a valid token first: the key set is loaded
        given().auth().oauth2(issuer.token().roles("caseworker").sign()).when().get("/probe/me").then().statusCode(200);
        int introspections = issuer.introspectionRequests();
        int jwks = issuer.jwksRequests();
        Counter counter = registry.find("nystart.auth.refused").counter();
        double refusedBefore = counter == null ? 0 : counter.count();

        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(issuer.token().roles("caseworker").signWithUnknownKey()).when().get("/probe/me").then()
                    .statusCode(401);
        }

        assertThat(issuer.introspectionRequests()).as("calls to the introspection endpoint").isEqualTo(introspections);
        assertThat(issuer.jwksRequests() - jwks).as("key set refreshes for 5 forged tokens").isLessThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(refused() - refusedBefore).isGreaterThanOrEqualTo(5));
        // the genuine key still works
        given().auth().oauth2(issuer.token().roles("caseworker").sign()).when().get("/probe/me").then().statusCode(200);
    }
}
