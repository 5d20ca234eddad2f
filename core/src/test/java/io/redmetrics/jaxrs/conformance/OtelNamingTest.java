package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.Scrape;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code redmetrics.naming=otel}: the series OpenTelemetry's HTTP server conventions name, as its
 * Prometheus exporter writes them, and no others.
 */
class OtelNamingTest {

  private static final String DURATION = "http_server_request_duration_seconds";
  private static final String ACTIVE = "http_server_active_requests";

  private final ConformanceRuntime runtime = ConformanceRuntime.current();

  @BeforeEach
  void startsApplications() {
    runtime.assumeStartsApplications();
  }

  @Test
  void requests_are_recorded_under_the_otel_names_and_labels() {
    try (RunningApp app =
        runtime.start(
            ShopApp.with(
                ShopApp.defaultFeature()
                    .registry(new PrometheusRegistry())
                    .service("shop")
                    .naming("otel")
                    .build()))) {
      Http http = new Http(app);
      assertEquals(200, http.status("products/1"));
      assertEquals(200, http.status("products/2"));
      assertEquals(404, http.status("products/missing"));
      assertEquals(404, http.status("no/such/route"));
      Scrape scrape = http.scrape();

      String[] ok = {
        "http_request_method", "GET",
        "http_route", "/products/{id}",
        "http_response_status_code", "200",
        "url_scheme", "http",
        "service", "shop"
      };
      assertEquals(2.0, scrape.value(DURATION + "_count", ok), scrape.text());
      assertEquals(
          1.0,
          scrape.value(
              DURATION + "_count",
              "http_route", "/products/{id}",
              "http_response_status_code", "404"),
          scrape.text());
      assertEquals(
          1.0,
          scrape.value(DURATION + "_count", "http_route", "UNMATCHED", "url_scheme", "http"),
          scrape.text());
      assertEquals(
          0.0,
          scrape.value(ACTIVE, "http_request_method", "GET", "url_scheme", "http"),
          scrape.text());

      Set<String> families = new TreeSet<>();
      scrape.where(sample -> true).forEach(sample -> families.add(sample.family));
      assertEquals(Set.of(DURATION, ACTIVE, "http_route_info"), families, scrape.text());
      for (Scrape.Sample sample : scrape.samples(ACTIVE)) {
        assertEquals(
            Set.of("http_request_method", "url_scheme", "service"),
            sample.labels.keySet(),
            "the active requests are by method and scheme only: " + sample);
      }
      assertTrue(
          scrape
              .labelValues("http_route_info", "http_route")
              .contains("/products/{id}"),
          scrape.text());
    }
  }
}
