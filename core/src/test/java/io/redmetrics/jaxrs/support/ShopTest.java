package io.redmetrics.jaxrs.support;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.RedMetricsFeature;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts the fixture shop with the feature on its own registry before each test, over real HTTP
 * on an ephemeral loopback port, and stops it after.
 */
public abstract class ShopTest {

  protected final PrometheusRegistry registry = new PrometheusRegistry();
  protected RunningApp app;
  protected Http http;

  /** Configures the feature under test; the registry is already set. */
  protected RedMetricsFeature.Builder configure(RedMetricsFeature.Builder builder) {
    return builder;
  }

  @BeforeEach
  void startShop() {
    app = RunningApp.start(ShopApp.with(configure(RedMetricsFeature.builder().registry(registry)).build()));
    http = new Http(app);
  }

  @AfterEach
  void stopShop() {
    app.close();
  }

  /** The {@code http_requests_total} sample of one method, path and status. */
  protected static double requests(Scrape scrape, String method, String path, String status) {
    return scrape.value(
        "http_requests_total", "method", method, "path", path, "status_code", status);
  }
}
