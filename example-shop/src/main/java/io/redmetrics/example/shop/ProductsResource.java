package io.redmetrics.example.shop;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
 * The catalog: {@code /products}. Its routes are labelled by template, so every product shares
 * {@code path="/products/{id}"} (below the application's base path), and the regular expression
 * of the SKU route is left out of its label: {@code path="/products/sku/{sku}"}.
 */
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
public final class ProductsResource {

  private final Catalog catalog = Shop.catalog();

  /**
   * Lists the catalog.
   *
   * @return every product
   */
  @GET
  public String list() {
    return Json.array(catalog.all().stream().map(Product::toJson).toList());
  }

  /**
   * Finds a product by id.
   *
   * @param id the product's id
   * @return the product
   * @throws jakarta.ws.rs.NotFoundException (404) when there is no such product
   */
  @GET
  @Path("{id}")
  public String byId(@PathParam("id") long id) {
    return catalog
        .byId(id)
        .map(product -> product.toJson() + "\n")
        .orElseThrow(() -> Problems.notFound("no product " + id));
  }

  /**
   * Finds a product by SKU; a SKU that does not match the expression matches no route at all.
   *
   * @param sku the product's SKU, for example {@code MUG-100}
   * @return the product
   * @throws jakarta.ws.rs.NotFoundException (404) when there is no such product
   */
  @GET
  @Path("sku/{sku: " + Catalog.SKU_REGEX + "}")
  public String bySku(@PathParam("sku") String sku) {
    return catalog
        .bySku(sku)
        .map(product -> product.toJson() + "\n")
        .orElseThrow(() -> Problems.notFound("no product with sku " + sku));
  }

  /**
   * Adds a product to the catalog.
   *
   * @param sku the new product's SKU
   * @param name its name
   * @param priceCents its price in cents
   * @param stock the units in the warehouse, 0 by default
   * @param uriInfo the request's URIs, for the {@code Location} header
   * @return {@code 201 Created} with the product
   * @throws jakarta.ws.rs.BadRequestException (400) when a value is invalid
   * @throws jakarta.ws.rs.ClientErrorException (409) when the SKU is taken
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @FormParam("sku") String sku,
      @FormParam("name") String name,
      @FormParam("priceCents") Long priceCents,
      @FormParam("stock") @DefaultValue("0") int stock,
      @Context UriInfo uriInfo) {
    if (priceCents == null) {
      throw Problems.badRequest("priceCents is required");
    }
    Product product = catalog.add(sku, name, priceCents, stock);
    return Response.created(uriInfo.getAbsolutePathBuilder().path("{id}").build(product.id()))
        .entity(product.toJson() + "\n")
        .build();
  }
}
