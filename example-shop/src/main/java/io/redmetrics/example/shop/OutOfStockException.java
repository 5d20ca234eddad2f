package io.redmetrics.example.shop;

/**
 * Thrown when an order asks for more units than the warehouse holds. {@link OutOfStockMapper}
 * turns it into a {@code 409 Conflict}.
 */
public final class OutOfStockException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for an order of {@code requested} units of {@code product}. */
  OutOfStockException(Product product, int requested) {
    super(
        "only "
            + product.stock()
            + " of "
            + product.sku()
            + " in stock, "
            + requested
            + " requested");
  }
}
