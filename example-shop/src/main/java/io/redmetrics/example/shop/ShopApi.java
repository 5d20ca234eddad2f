package io.redmetrics.example.shop;

import java.util.Set;

/**
 * The classes of the shop API, for an application that lists its classes rather than having the
 * runtime scan for them.
 */
public final class ShopApi {

  private ShopApi() {}

  /**
   * Returns the shop's resources and its exception mapper; the RED metrics feature is not among
   * them, each application registers it in its own way.
   *
   * @return the root resources and providers of the shop
   */
  public static Set<Class<?>> classes() {
    return Set.of(
        ProductsResource.class,
        OrdersResource.class,
        WarehouseResource.class,
        ExportResource.class,
        SlowResource.class,
        ReportsResource.class,
        OutOfStockMapper.class);
  }
}
