package io.redmetrics.example;

import io.redmetrics.jaxrs.RedMetricsFeature;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The shop API: its resources, its exception mapper and the RED metrics feature, which also
 * serves {@code /metrics}.
 */
public final class ShopApplication extends ResourceConfig {

  /** Creates the application with the sample catalog and order. */
  public ShopApplication() {
    Catalog catalog = Catalog.withSampleProducts();
    OrderBook orders = OrderBook.withSampleOrder();
    ScheduledExecutorService warehouse =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "warehouse");
              thread.setDaemon(true);
              return thread;
            });

    register(RedMetricsFeature.builder().service("shop").build());
    register(ProductsResource.class);
    register(OrdersResource.class);
    register(WarehouseResource.class);
    register(ExportResource.class);
    register(SlowResource.class);
    register(ReportsResource.class);
    register(OutOfStockMapper.class);
    register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(catalog).to(Catalog.class);
            bind(orders).to(OrderBook.class);
            bind(warehouse).to(ScheduledExecutorService.class);
          }
        });
    register(new ShutdownWithContainer(warehouse));

    // Neither WADL nor the DataSource entity provider is used: without these, Jersey warns at
    // startup that JAXB and Jakarta Activation are missing.
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "DATASOURCE");
  }
}
