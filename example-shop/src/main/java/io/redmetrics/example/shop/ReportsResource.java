package io.redmetrics.example.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Reports, whose database this example never configures: {@code /reports/daily} fails with an
 * exception that no {@code ExceptionMapper} maps, so the client gets a 500 and the request is
 * recorded with {@code status_code="500"}.
 */
@Path("reports")
public final class ReportsResource {

  /**
   * Would compute today's sales.
   *
   * @return nothing: it always fails
   * @throws IllegalStateException always, as the reporting database is not configured
   */
  @GET
  @Path("daily")
  @Produces(MediaType.TEXT_PLAIN)
  public String daily() {
    throw new IllegalStateException("the reporting database is not configured");
  }
}
