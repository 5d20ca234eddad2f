package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.RedMetricsFeature;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Excluded routes are not recorded. */
class ExclusionTest extends ShopTest {

  ExclusionTest() {
    super(builder -> builder.exclude("/admin/health", "/orders/*", "UNMATCHED"));
  }

  @Test
  void an_excluded_template_is_not_recorded() {
    assertEquals(200, http.status("admin/health"));
    assertEquals(200, http.status("admin/internal/status"));

    Scrape scrape = http.scrape();
    assertEquals(Set.of("/admin/internal/status"), scrape.labelValues("http_requests_total", "path"));
    assertTrue(scrape.samples("http_requests_active", "path", "/admin/health").isEmpty());
  }

  @Test
  void a_prefix_excludes_every_template_below_it_including_locators() {
    assertEquals(200, http.status("orders/1"));
    assertEquals(200, http.status("orders/1/lines/2"));
    assertEquals(200, http.status("products/1"));

    assertEquals(Set.of("/products/{id}"), http.scrape().labelValues("http_requests_total", "path"));
  }

  @Test
  void unmatched_requests_can_be_excluded() {
    assertEquals(404, http.status("nowhere"));
    assertEquals(200, http.status("products/1"));

    assertEquals(Set.of("/products/{id}"), http.scrape().labelValues("http_requests_total", "path"));
  }

  @Test
  void exclusions_match_the_path_label_or_the_template_below_the_base_path() {
    PrometheusRegistry apiRegistry = new PrometheusRegistry();
    RedMetricsFeature feature =
        RedMetricsFeature.builder()
            .registry(apiRegistry)
            .exclude("/api/admin/health", "/admin/internal/*")
            .build();
    try (RunningApp api = runtime.start(ShopApp.with(feature), "/api")) {
      Http apiHttp = new Http(api);
      assertEquals(200, apiHttp.status("admin/health"));
      assertEquals(200, apiHttp.status("admin/internal/status"));
      assertEquals(200, apiHttp.status("products/1"));

      assertEquals(
          Set.of("/api/products/{id}"), apiHttp.scrape().labelValues("http_requests_total", "path"));
    }
  }
}
