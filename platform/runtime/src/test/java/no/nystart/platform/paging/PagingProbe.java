package no.nystart.platform.paging;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.resteasy.reactive.RestResponse;

/** A list endpoint over the numbers 1..count (no database), paged as every NyStart list, for the HTTP-level tests. */
@Path("/probe/numbers")
@PermitAll
public class PagingProbe {
    @GET
    public RestResponse<List<Integer>> numbers(@QueryParam("count") int count, @QueryParam("even") boolean even,
            @BeanParam PageParams paging, UriInfo uri) {
        PageRequest request = paging.request("probe.number", 1);
        long after = request.cursor().map(c -> c.number(0)).orElse(0L);
        List<Integer> fetched = IntStream.rangeClosed(1, count).filter(n -> n > after).filter(n -> !even || n % 2 == 0)
                .limit(request.fetchSize()).boxed().toList();
        return PagedResponse.of(request.page(fetched, n -> new Object[] {n}), request, uri);
    }
}
