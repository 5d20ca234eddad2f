package io.redmetrics.example;

import io.redmetrics.jaxrs.RedMetricsFeature;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The shop API: its resources, its exception mapper and the RED metrics feature, which also
 * serves {@code /metrics}.
 */
public final class ShopApplication extends ResourceConfig {

  /** Creates the application with the sample catalog and order. */
  public ShopApplication() {
    Catalog catalog = Catalog.withSampleProducts();
    ScheduledExecutorService warehouse =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "warehouse");
              thread.setDaemon(true);
              return thread;
            });

    register(RedMetricsFeature.builder().service("shop").build());
    register(new ProductsResource(catalog));
    register(new OrdersResource(catalog, OrderBook.withSampleOrder()));
    register(new WarehouseResource(catalog, warehouse));
    register(new ExportResource(catalog));
    register(SlowResource.class);
    register(ReportsResource.class);
    register(OutOfStockMapper.class);
    register(new ShutdownWithContainer(warehouse));
  }
}
