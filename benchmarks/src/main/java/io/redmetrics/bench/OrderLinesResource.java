package io.redmetrics.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The lines of one order, reached through {@link OrdersResource#lines(String)}. */
public class OrderLinesResource {

  private final String orderId;

  /**
   * Creates the sub-resource of one order.
   *
   * @param orderId the order id from the locator's path
   */
  public OrderLinesResource(String orderId) {
    this.orderId = orderId;
  }

  /**
   * Answers one line: {@code GET /orders/{orderId}/lines/{lineId}}.
   *
   * @param lineId the line id, any text
   * @return a short text naming the order and the line
   */
  @GET
  @Path("{lineId}")
  @Produces(MediaType.TEXT_PLAIN)
  public String line(@PathParam("lineId") String lineId) {
    return "order " + orderId + " line " + lineId + "\n";
  }
}
