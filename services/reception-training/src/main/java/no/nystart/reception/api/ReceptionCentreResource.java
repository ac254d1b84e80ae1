package no.nystart.reception.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import no.nystart.platform.paging.PageParams;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.paging.PagedResponse;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.List;
import java.util.UUID;
import no.nystart.platform.validation.Municipalities;
import no.nystart.platform.validation.Municipality;
import no.nystart.reception.persistence.ReceptionCentreEntity;

/**
 * The seeded reception centres with their host municipality. Names are invented (marked "(invented)");
 * host municipalities are real 2024 kommunenummer. No personal data: any signed-in user may read.
 */
@Path("/api/v1/reception-centres")
public class ReceptionCentreResource {

    public record CentreView(UUID id, String name, boolean nameInvented, String hostMunicipality,
            String hostMunicipalityName, String county, String countyName, boolean active) {
    }

    /** Sort of the centres list: name, then id. */
    static final String SORT = "reception-centres.name.id";

    /**
     * The centres by name, paged like every list (default 50, at most 500; docs/architecture.md, "Paging"):
     * one bounded keyset query per page.
     */
    @GET
    @Authenticated
    @WithSession
    public Uni<RestResponse<List<CentreView>>> list(@BeanParam PageParams paging, UriInfo uri) {
        PageRequest page = paging.request(SORT, 2);
        Uni<List<ReceptionCentreEntity>> rows = page.cursor()
                .map(after -> ReceptionCentreEntity.<ReceptionCentreEntity>find("(name, id) > (?1, ?2) order by name, id",
                        after.text(0), after.uuid(1)))
                .orElseGet(() -> ReceptionCentreEntity.<ReceptionCentreEntity>find("order by name, id"))
                .range(0, page.fetchSize() - 1).list();
        return rows.map(list -> PagedResponse.of(page.page(list, c -> new Object[] {c.name, c.id}).map(c -> {
            Municipality m = Municipalities.instance().find(c.hostMunicipality).orElse(null);
            return new CentreView(c.id, c.name, c.name.contains("(invented)"), c.hostMunicipality,
                    m == null ? null : m.name(), m == null ? null : m.county().number(), m == null ? null : m.county().name(),
                    c.active);
        }), page, uri));
    }
}
