package io.redmetrics.example.shop;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A deliberately slow endpoint, {@code /slow?ms=300}, to fill the upper buckets of {@code
 * http_request_duration_seconds}.
 */
@Path("slow")
public final class SlowResource {

  /** The longest a request may ask to wait, so that a typo cannot hold a thread for long. */
  static final int MAX_MILLIS = 5000;

  /**
   * Waits, then answers.
   *
   * @param millis how long to wait, bounded to 0 to {@value #MAX_MILLIS} ms; 300 by default
   * @return how long it waited
   * @throws InterruptedException when the server stops while waiting
   */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String slow(@QueryParam("ms") @DefaultValue("300") int millis)
      throws InterruptedException {
    int bounded = Math.max(0, Math.min(millis, MAX_MILLIS));
    Thread.sleep(bounded);
    return "waited " + bounded + " ms\n";
  }
}
