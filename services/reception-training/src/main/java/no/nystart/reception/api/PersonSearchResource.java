package no.nystart.reception.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.reception.service.PersonSearchService;
import no.nystart.reception.service.ResidentService;

/**
 * {@code POST /api/v1/persons/search}: residents by name and/or DUF number, for the roles that already see names and
 * DUF numbers here (reception staff — their own centre when the {@code reception_centre} claim is set — and
 * settlement officers). A POST body, so the criteria never travel in a URL or an access log. At most 20 hits.
 */
@Path("/api/v1/persons/search")
public class PersonSearchResource {
    private final PersonSearchService search;
    private final Caller caller;

    public PersonSearchResource(PersonSearchService search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    /** One hit: the person and the identity fields these roles see in reception. */
    public record PersonHit(UUID personId, String firstName, String lastName, LocalDate birthDate, String dufNumber,
            UUID receptionCentreId, LocalDate registeredOn, LocalDate leftOn) {
    }

    /** {@code truncated}: there were more than {@code limit} hits; narrow the search. */
    public record PersonSearchResult(String service, List<PersonHit> hits, boolean truncated, int limit) {
    }

    @POST
    @RolesAllowed({Roles.RECEPTION_STAFF, Roles.SETTLEMENT_OFFICER})
    public Uni<PersonSearchResult> search(
            @NotNull(message = "person-search.required: a body is required") @Valid PersonSearchRequest request,
            @HeaderParam("X-Purpose") @DefaultValue("not stated") String purpose) {
        Optional<String> scope = caller.hasRole(Roles.SETTLEMENT_OFFICER) ? Optional.empty() : caller.receptionCentre();
        String roles = Stream.of(Roles.RECEPTION_STAFF, Roles.SETTLEMENT_OFFICER).filter(caller::hasRole)
                .collect(Collectors.joining(","));
        return search.search(new PersonSearchService.Criteria(request.name(), request.dufNumber(), request.nationalId()),
                        scope, new ResidentService.Reader(caller.name(), roles, "POST /api/v1/persons/search", purpose))
                .map(result -> new PersonSearchResult("reception-training", result.hits().stream()
                        .map(r -> new PersonHit(r.personId, r.firstName, r.lastName, r.birthDate, r.dufNumber,
                                r.receptionCentreId, r.registeredOn, r.leftOn)).toList(),
                        result.truncated(), PersonSearchService.LIMIT));
    }
}
