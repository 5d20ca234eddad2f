package io.redmetrics.bench;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * {@code /orders/{orderId}/lines/...}: a sub-resource locator, so the route template is a chain
 * of two templates.
 */
@Path("orders")
public class OrdersResource {

  /**
   * Locates the lines of one order.
   *
   * @param orderId the order id, any text
   * @return the sub-resource answering {@code {lineId}}
   */
  @Path("{orderId}/lines")
  public OrderLinesResource lines(@PathParam("orderId") String orderId) {
    return new OrderLinesResource(orderId);
  }
}
