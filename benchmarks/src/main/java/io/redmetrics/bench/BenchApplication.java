package io.redmetrics.bench;

import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The application every variant serves: the same two routes, nothing else. */
public final class BenchApplication {

  private BenchApplication() {}

  /**
   * Creates the bare application.
   *
   * @return a configuration with {@code /products/{id}} and {@code /orders/{orderId}/lines/{lineId}}
   */
  public static ResourceConfig create() {
    ResourceConfig config = new ResourceConfig(ProductsResource.class, OrdersResource.class);
    // Neither WADL nor the DataSource provider is used; without these Jersey warns at startup.
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    config.property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "DATASOURCE");
    return config;
  }
}
