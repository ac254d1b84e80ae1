package no.nystart.platform.paging;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The HTTP answer of a page: 200 with the items as a JSON array (the body list endpoints always had) and, when
 * more items follow, an RFC 8288 {@code Link} header {@code <path?query&limit=…&cursor=…>; rel="next"} (the
 * request's own path and query, its filters repeated, with the next cursor and the same limit) and the same
 * cursor in {@value #NEXT_CURSOR}. The last page carries neither.
 */
public final class PagedResponse {
    public static final String NEXT_CURSOR = "NyStart-Next-Cursor";

    private PagedResponse() {
    }

    public static <T> RestResponse<List<T>> of(Page<T> page, PageRequest request, UriInfo uri) {
        RestResponse.ResponseBuilder<List<T>> builder = RestResponse.ResponseBuilder.ok(page.items());
        page.next().ifPresent(next -> {
            String cursor = next.encode();
            builder.header("Link", "<" + nextTarget(uri.getRequestUri(), request.limit(), cursor) + ">; rel=\"next\"");
            builder.header(NEXT_CURSOR, cursor);
        });
        return builder.build();
    }

    /** The request's path and query (host left out: a path-absolute reference) with {@code limit} and {@code cursor} replaced. */
    static String nextTarget(URI request, int limit, String cursor) {
        URI next = UriBuilder.fromUri(request).replaceQueryParam("limit", limit).replaceQueryParam("cursor", cursor).build();
        return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }
}
