package no.nystart.portal.api;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An htmx request (header {@code HX-Request}) of an expired or missing session gets status 499 instead of a
 * redirect to Keycloak, which htmx would follow inside the page; static/portal.js then tells the user to sign in.
 */
@ApplicationScoped
public class HtmxRequestChecker implements JavaScriptRequestChecker {
    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return "true".equalsIgnoreCase(context.request().getHeader("HX-Request"));
    }
}
