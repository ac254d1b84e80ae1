package no.nystart.portal.api;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import no.nystart.portal.domain.Navigation;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user as the layout shows it ({@code inject:user} in the templates): name, roles, menu. */
@Named("user")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        if (!signedIn()) {
            return "";
        }
        Object name = idToken.getClaim("name");
        return name != null ? name.toString() : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean reception() {
        return has(Navigation.RECEPTION_STAFF);
    }

    public boolean settlement() {
        return has(Navigation.SETTLEMENT_OFFICER);
    }

    public List<Navigation.Entry> menu() {
        return signedIn() ? Navigation.entries(roles()) : List.of();
    }
}
