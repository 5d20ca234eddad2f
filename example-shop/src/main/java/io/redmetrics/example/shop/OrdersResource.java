package io.redmetrics.example.shop;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Orders: {@code /orders}. Placing an order for more units than are in stock fails with an {@link
 * OutOfStockException}, mapped to 409. The lines of an order are served by a sub-resource locator,
 * so their routes are labelled with the whole chain, below the application's base path: {@code
 * path="/orders/{orderId}/lines/{lineId}"}.
 */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public final class OrdersResource {

  private final Catalog catalog = Shop.catalog();
  private final OrderBook orders = Shop.orders();

  /**
   * Lists the orders.
   *
   * @return every order, with its number of lines
   */
  @GET
  public String list() {
    return Json.array(orders.all().stream().map(Order::toJson).toList());
  }

  /**
   * Places an order of one product.
   *
   * @param productId the product to order
   * @param quantity the units to order, at least 1
   * @param uriInfo the request's URIs, for the {@code Location} header
   * @return {@code 201 Created} with the order
   * @throws jakarta.ws.rs.BadRequestException (400) when the quantity or the product is invalid
   * @throws OutOfStockException (409) when fewer units are in stock
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response place(
      @FormParam("productId") long productId,
      @FormParam("quantity") int quantity,
      @Context UriInfo uriInfo) {
    if (quantity < 1) {
      throw Problems.badRequest("quantity must be at least 1");
    }
    catalog
        .reserve(productId, quantity)
        .orElseThrow(() -> Problems.badRequest("no product " + productId));
    Order order = orders.place(productId, quantity);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path("{orderId}/lines").build(order.id()))
        .entity(order.toJson() + "\n")
        .build();
  }

  /**
   * Locates the lines of an order.
   *
   * @param orderId the order's id
   * @return the sub-resource serving the order's lines
   * @throws jakarta.ws.rs.NotFoundException (404) when there is no such order
   */
  @Path("{orderId}/lines")
  public OrderLinesResource lines(@PathParam("orderId") long orderId) {
    return orders
        .byId(orderId)
        .map(OrderLinesResource::new)
        .orElseThrow(() -> Problems.notFound("no order " + orderId));
  }
}
