package no.nystart.reception.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

    @GET
    @Authenticated
    @WithSession
    public Uni<List<CentreView>> list() {
        return ReceptionCentreEntity.<ReceptionCentreEntity>list("order by name").map(centres -> centres.stream().map(c -> {
            Municipality m = Municipalities.instance().find(c.hostMunicipality).orElse(null);
            return new CentreView(c.id, c.name, c.name.contains("(invented)"), c.hostMunicipality,
                    m == null ? null : m.name(), m == null ? null : m.county().number(), m == null ? null : m.county().name(),
                    c.active);
        }).toList());
    }
}
