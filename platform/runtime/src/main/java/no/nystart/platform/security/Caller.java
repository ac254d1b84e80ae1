package no.nystart.platform.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Optional;
import no.nystart.platform.problem.NotFoundProblem;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, and which persons they may see. National roles (settlement officers, grant
 * officers, services) see every municipality; municipal roles see their own municipality (claim
 * {@code municipality}); county analysts the municipalities of their county (claim {@code county},
 * the first two digits of the kommunenummer); reception staff their centre (claim
 * {@code reception_centre}).
 */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The caller's roles, sorted and comma-separated (for the audit log). */
    public String roles() {
        return String.join(",", new java.util.TreeSet<>(identity.getRoles()));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> municipality() {
        return claim(Roles.CLAIM_MUNICIPALITY);
    }

    public Optional<String> county() {
        return claim(Roles.CLAIM_COUNTY);
    }

    public Optional<String> receptionCentre() {
        return claim(Roles.CLAIM_RECEPTION_CENTRE);
    }

    public boolean isNational() {
        return hasRole(Roles.SETTLEMENT_OFFICER) || hasRole(Roles.GRANT_OFFICER) || hasRole(Roles.SYSTEM);
    }

    /** May the caller see persons and figures of this municipality? */
    public boolean mayAccessMunicipality(String kommunenummer) {
        if (isNational()) {
            return true;
        }
        if ((hasRole(Roles.MUNICIPAL_CASEWORKER) || hasRole(Roles.MUNICIPAL_FINANCE))
                && municipality().filter(kommunenummer::equals).isPresent()) {
            return true;
        }
        return hasRole(Roles.COUNTY_ANALYST) && kommunenummer != null && kommunenummer.length() == 4
                && county().filter(c -> kommunenummer.startsWith(c)).isPresent();
    }

    /**
     * Throws 403 unless {@link #mayAccessMunicipality}: for routes and bodies that name a municipality. A person looked up
     * by id uses {@link #requirePersonInScope} (404) instead.
     */
    public void requireMunicipality(String kommunenummer) {
        if (!mayAccessMunicipality(kommunenummer)) {
            throw new ForbiddenException("You may only access persons and figures of your own municipality or county");
        }
    }

    /**
     * The existence rule of person-scoped reads and commands (docs/architecture.md, "Security"): a person whose record
     * lies in a municipality outside the caller's scope is answered exactly like an unknown id, 404 "{@code what} {@code id}
     * does not exist", never 403, so that trying ids does not tell a caller which persons exist elsewhere. 403 stays
     * for the wrong role and for municipality-addressed routes ({@link #requireMunicipality}), where the caller names
     * the municipality themselves.
     */
    public void requirePersonInScope(String kommunenummer, String what, Object id) {
        requireInScope(mayAccessMunicipality(kommunenummer), what, id);
    }

    /**
     * The same existence rule for a scope a service decides itself (reception-training: the caller's reception
     * centre): out of scope is 404 "{@code what} {@code id} does not exist", like an unknown id.
     */
    public static void requireInScope(boolean inScope, String what, Object id) {
        if (!inScope) {
            throw new NotFoundProblem(what, id);
        }
    }

    /**
     * {@link #requirePersonInScope(String, String, Object)} for a person recorded in several municipalities (moved
     * between them): in scope when any of them is; none (the service knows nothing of the person) is 404 as well.
     */
    public void requirePersonInScope(Collection<String> municipalities, String what, Object id) {
        requireInScope(municipalities.stream().anyMatch(this::mayAccessMunicipality), what, id);
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                String text = value.toString();
                // JSON string claims come as JsonString, whose toString() keeps the quotes
                if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                    text = text.substring(1, text.length() - 1);
                }
                return Optional.of(text);
            }
        }
        return Optional.ofNullable(identity.<String>getAttribute(name));
    }
}
