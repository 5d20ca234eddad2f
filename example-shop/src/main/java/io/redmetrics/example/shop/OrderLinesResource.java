package io.redmetrics.example.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The lines of one order, reached through {@link OrdersResource#lines(long)}. As a sub-resource
 * it has no {@code @Path} of its own: below the application's base path, its routes are labelled
 * {@code /orders/{orderId}/lines} and {@code /orders/{orderId}/lines/{lineId}}.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class OrderLinesResource {

  private final Order order;

  /** Creates the sub-resource of {@code order}. */
  OrderLinesResource(Order order) {
    this.order = order;
  }

  /**
   * Lists the order's lines.
   *
   * @return every line
   */
  @GET
  public String list() {
    return Json.array(order.lines().stream().map(OrderLine::toJson).toList());
  }

  /**
   * Finds one line.
   *
   * @param lineId the line's number within the order
   * @return the line
   * @throws jakarta.ws.rs.NotFoundException (404) when the order has no such line
   */
  @GET
  @Path("{lineId}")
  public String line(@PathParam("lineId") long lineId) {
    return order
        .line(lineId)
        .map(line -> line.toJson() + "\n")
        .orElseThrow(
            () -> Problems.notFound("order " + order.id() + " has no line " + lineId));
  }
}
