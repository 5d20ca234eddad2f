package io.redmetrics.example;

import io.redmetrics.example.shop.ShopApi;
import io.redmetrics.jaxrs.RedMetricsFeature;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The shop API: its resources and exception mapper (module {@code example-shop}), and the RED
 * metrics feature, which also serves {@code /metrics}.
 */
public final class ShopApplication extends ResourceConfig {

  /** Creates the application over the shop's sample catalog and order. */
  public ShopApplication() {
    register(RedMetricsFeature.builder().service("shop").build());
    registerClasses(ShopApi.classes());

    // Neither WADL nor the DataSource entity provider is used: without these, Jersey warns at
    // startup that JAXB and Jakarta Activation are missing.
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "DATASOURCE");
  }
}
