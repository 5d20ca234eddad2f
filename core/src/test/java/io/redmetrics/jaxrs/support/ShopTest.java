package io.redmetrics.jaxrs.support;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.RedMetricsFeature;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture shop for each test, over real HTTP: started with the feature on its own registry on
 * an ephemeral loopback port and stopped after, or the shop a server has deployed ({@link
 * ConformanceRuntime}). Before each test the shop is scraped once, and {@link Http#scrape()}
 * shows what changed since: on a fresh registry, everything.
 */
public abstract class ShopTest {

  protected final ConformanceRuntime runtime = ConformanceRuntime.current();
  protected final PrometheusRegistry registry = new PrometheusRegistry();
  protected RunningApp app;
  protected Http http;
  protected TestControl control;

  private final UnaryOperator<RedMetricsFeature.Builder> settings;

  /** The shop with the suite's default settings ({@link ShopApp#defaultFeature()}). */
  protected ShopTest() {
    this.settings = null;
  }

  /**
   * The shop with settings of the test's own, {@code settings} applied to a builder whose registry
   * is already set; skipped on a deployed runtime, whose shop has the defaults.
   */
  protected ShopTest(UnaryOperator<RedMetricsFeature.Builder> settings) {
    this.settings = settings;
  }

  @BeforeEach
  void startShop() {
    if (settings == null) {
      app = runtime.shop(registry);
    } else {
      app =
          runtime.start(ShopApp.with(settings.apply(RedMetricsFeature.builder().registry(registry)).build()));
    }
    http = new Http(app);
    control = new TestControl(http);
    http.takeBaseline();
  }

  @AfterEach
  void stopShop() {
    if (app != null) {
      app.close();
    }
  }

  /** The {@code http_requests_total} sample of one method, path and status. */
  protected static double requests(Scrape scrape, String method, String path, String status) {
    return scrape.value(
        "http_requests_total", "method", method, "path", path, "status_code", status);
  }
}
