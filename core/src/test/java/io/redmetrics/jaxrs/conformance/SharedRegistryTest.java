package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.RedMetricsFeature;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.Scrape;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two applications in one JVM share a registry and are told apart by {@code service}. */
class SharedRegistryTest {

  private final ConformanceRuntime runtime = ConformanceRuntime.current();

  @Test
  void two_applications_on_one_registry_both_record_under_their_own_service() {
    PrometheusRegistry registry = new PrometheusRegistry();
    try (RunningApp shop =
            runtime.start(
                ShopApp.with(RedMetricsFeature.builder().registry(registry).service("shop").build()));
        RunningApp admin =
            runtime.start(
                ShopApp.with(RedMetricsFeature.builder().registry(registry).service("admin").build()),
                "/admin-app")) {
      Http shopHttp = new Http(shop);
      Http adminHttp = new Http(admin);
      shopHttp.status("products/1");
      shopHttp.status("products/2");
      adminHttp.status("products/1");

      for (Scrape scrape : new Scrape[] {shopHttp.scrape(), adminHttp.scrape()}) {
        assertEquals(Set.of("shop", "admin"), scrape.labelValues("http_requests_total", "service"));
        assertEquals(
            2, scrape.value("http_requests_total", "service", "shop", "path", "/products/{id}"));
        assertEquals(
            1,
            scrape.value(
                "http_requests_total", "service", "admin", "path", "/admin-app/products/{id}"));
      }
    }
  }

  @Test
  void restarting_an_application_on_the_same_registry_keeps_counting() {
    PrometheusRegistry registry = new PrometheusRegistry();
    for (int run = 1; run <= 2; run++) {
      try (RunningApp shop =
          runtime.start(ShopApp.with(RedMetricsFeature.builder().registry(registry).build()))) {
        Http http = new Http(shop);
        http.status("products/1");
        assertEquals(run, http.scrape().value("http_requests_total", "path", "/products/{id}"));
      }
    }
  }
}
