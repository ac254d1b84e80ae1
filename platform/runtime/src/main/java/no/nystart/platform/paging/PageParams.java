package no.nystart.platform.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters of every list endpoint, as a {@code @BeanParam}. Both are read as text so that a
 * bad value is answered by {@link PageRequest#parse} with a problem naming it ({@code paging.limit},
 * {@code paging.cursor}) rather than a bare 400/404.
 */
public class PageParams {
    @QueryParam("limit")
    @Parameter(description = "Items per page, 1 to 500 (default 50)")
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "Opaque position returned by the previous page (Link rel=\"next\" or NyStart-Next-Cursor); "
            + "absent for the first page. Repeat the filters with it.")
    public String cursor;

    public PageRequest request(String sort, int arity) {
        return PageRequest.parse(limit, cursor, sort, arity);
    }
}
