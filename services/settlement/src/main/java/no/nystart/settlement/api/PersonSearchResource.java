package no.nystart.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.settlement.ArrivalRoute;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.service.PersonSearchService;

/**
 * {@code POST /api/v1/persons/search}: settlement cases by name and/or national id, for settlement officers (who see
 * names and national ids in cases). A POST body, so the criteria never travel in a URL or an access log. At most 20
 * hits.
 */
@Path("/api/v1/persons/search")
@RolesAllowed(Roles.SETTLEMENT_OFFICER)
public class PersonSearchResource {
    private final PersonSearchService search;
    private final Caller caller;

    public PersonSearchResource(PersonSearchService search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    /** One hit: the person and the identity fields a settlement officer sees in the case. */
    public record PersonHit(UUID personId, String firstName, String lastName, LocalDate birthDate, String nationalId,
            UUID householdId, ArrivalRoute arrivalRoute, CaseStatus status) {
    }

    /** {@code truncated}: there were more than {@code limit} hits; narrow the search. */
    public record PersonSearchResult(String service, List<PersonHit> hits, boolean truncated, int limit) {
    }

    @POST
    public Uni<PersonSearchResult> search(
            @NotNull(message = "person-search.required: a body is required") @Valid PersonSearchRequest request) {
        return search.search(new PersonSearchService.Criteria(request.name(), request.dufNumber(), request.nationalId()), caller)
                .map(result -> new PersonSearchResult("settlement", result.hits().stream()
                        .map(c -> new PersonHit(c.personId, c.firstName, c.lastName, c.birthDate, c.nationalId,
                                c.householdId, c.arrivalRoute, c.status)).toList(),
                        result.truncated(), PersonSearchService.LIMIT));
    }
}
