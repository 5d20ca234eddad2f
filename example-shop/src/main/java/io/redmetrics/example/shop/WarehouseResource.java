package io.redmetrics.example.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Asks the (simulated) warehouse, which answers after a delay on another thread: {@code
 * /warehouse/stock/{productId}} with a suspended {@link AsyncResponse}, {@code
 * /warehouse/eta/{productId}} with a {@link CompletionStage}. The request thread is released at
 * once, yet the recorded duration includes the wait.
 *
 * <p>The delays run on {@link CompletableFuture#delayedExecutor}, which needs no thread of the
 * application's own, so nothing has to be shut down when the application stops.
 */
@Path("warehouse")
@Produces(MediaType.TEXT_PLAIN)
public final class WarehouseResource {

  /** How long the warehouse takes to answer a stock query. */
  public static final long STOCK_DELAY_MILLIS = 200;

  /** How long the warehouse takes to answer a delivery estimate. */
  public static final long ETA_DELAY_MILLIS = 100;

  private final Catalog catalog = Shop.catalog();

  /**
   * Answers with the units in stock, from another thread.
   *
   * @param productId the product
   * @param response resumed with the stock, or with a 404 when there is no such product
   */
  @GET
  @Path("stock/{productId}")
  public void stock(@PathParam("productId") long productId, @Suspended AsyncResponse response) {
    after(STOCK_DELAY_MILLIS)
        .execute(
            () ->
                catalog
                    .byId(productId)
                    .ifPresentOrElse(
                        product -> response.resume(product.stock() + " x " + product.sku() + "\n"),
                        () -> response.resume(Problems.notFound("no product " + productId))));
  }

  /**
   * Estimates when a product can be delivered.
   *
   * @param productId the product
   * @return completed from another thread, exceptionally with a 404 when there is no such product
   */
  @GET
  @Path("eta/{productId}")
  public CompletionStage<String> eta(@PathParam("productId") long productId) {
    CompletableFuture<String> eta = new CompletableFuture<>();
    after(ETA_DELAY_MILLIS)
        .execute(
            () ->
                catalog
                    .byId(productId)
                    .ifPresentOrElse(
                        product ->
                            eta.complete(
                                product.stock() > 0
                                    ? "ships tomorrow\n"
                                    : "back in stock in two weeks\n"),
                        () ->
                            eta.completeExceptionally(
                                Problems.notFound("no product " + productId))));
    return eta;
  }

  private static Executor after(long millis) {
    return CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS);
  }
}
