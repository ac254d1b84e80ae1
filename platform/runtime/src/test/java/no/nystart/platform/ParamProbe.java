package no.nystart.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** An endpoint with path and query parameters of every type the services use, to see how bad ones are answered. */
@Path("/probe/params")
@PermitAll
public class ParamProbe {
    public enum Colour { RED, GREEN }

    @GET
    @Path("/{id}/{year}/{month}")
    public String get(@PathParam("id") UUID id, @PathParam("year") int year, @PathParam("month") YearMonth month,
            @QueryParam("colour") Colour colour, @QueryParam("on") LocalDate on, @QueryParam("count") Integer count,
            @QueryParam("size") Long size, @QueryParam("flag") @DefaultValue("false") boolean flag, @QueryParam("name") String name,
            @QueryParam("plain") boolean plain, @QueryParam("number") int number) {
        return id + " " + year + " " + month + " " + colour + " " + on + " " + count + " " + size + " " + flag + " " + name
                + " " + plain + " " + number;
    }
}
