package io.redmetrics.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /products/{id}}: a short text, no I/O, so the framework's own cost dominates. */
@Path("products")
public class ProductsResource {

  /**
   * Answers one product.
   *
   * @param id the product id, any text
   * @return a short text naming the product
   */
  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_PLAIN)
  public String product(@PathParam("id") String id) {
    return "product " + id + "\n";
  }
}
