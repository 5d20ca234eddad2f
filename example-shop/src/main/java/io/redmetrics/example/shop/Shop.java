package io.redmetrics.example.shop;

/**
 * The shop's state, one per class loader (on an application server, one per deployed
 * application; in a plain JVM, one per process): its catalog and its orders, in memory.
 *
 * <p>The resources are plain per-request classes with no-argument constructors, so that the same
 * classes work whether the runtime discovers them or the application lists them, on any Jakarta
 * REST runtime and without a dependency injection container; they read the state from here.
 */
final class Shop {

  private static final Catalog CATALOG = Catalog.withSampleProducts();
  private static final OrderBook ORDERS = OrderBook.withSampleOrder();

  private Shop() {}

  /** Returns the catalog. */
  static Catalog catalog() {
    return CATALOG;
  }

  /** Returns the orders. */
  static OrderBook orders() {
    return ORDERS;
  }
}
