package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.RedMetricsFeature;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopRoutes;
import io.redmetrics.jaxrs.support.StartupFailures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code http_route_info}: the routes the application declares, listed before they have traffic,
 * so that dashboards show idle routes and alerts tell "no traffic" from "no route"; and the
 * service label, renamed or dropped.
 */
class RouteInfoTest {

  private static final String INFO = "http_route_info";

  private final ConformanceRuntime runtime = ConformanceRuntime.current();

  @Test
  void the_first_scrape_lists_the_declared_routes_and_only_them() {
    try (RunningApp app = runtime.shop(new PrometheusRegistry())) {
      Scrape scrape = new Http(app).scrape(); // the first request on an SE runtime

      // The shop's own routes: another shop on the same registry lists its own too.
      List<Scrape.Sample> own = scrape.samples(INFO, "service", runtime.shopService());
      Set<String> listed = ShopRoutes.listed(own);
      assertTrue(listed.containsAll(ShopRoutes.LISTED_AT_DEPLOYMENT), listed.toString());
      assertTrue(ShopRoutes.declared().containsAll(listed), "not a declared route: " + listed);
      for (Scrape.Sample sample : scrape.samples(INFO)) {
        assertEquals(1.0, sample.value, sample.toString());
      }
    }
  }

  @Test
  void a_route_through_locators_is_listed_once_a_request_took_it() {
    try (RunningApp app = runtime.shop(new PrometheusRegistry())) {
      Http http = new Http(app);
      assertEquals(200, http.status("orders/7/lines/3"));
      assertEquals(200, http.status("orders/7/lines"));

      Set<String> listed =
          ShopRoutes.listed(http.scrape().samples(INFO, "service", runtime.shopService()));
      assertTrue(listed.contains("GET /orders/{orderId}/lines/{lineId}"), listed.toString());
      assertTrue(listed.contains("GET /orders/{orderId}/lines"), listed.toString());
      // Not the sub-resource's own templates (/{lineId}, /): Jersey and Open Liberty bind its
      // methods when the locator first returns it, CXF when a request reaches them.
      assertTrue(ShopRoutes.declared().containsAll(listed), "not a declared route: " + listed);
    }
  }

  @Test
  void the_service_label_can_be_renamed_or_dropped() {
    runtime.assumeStartsApplications();
    for (String label : new String[] {"application", ""}) {
      try (RunningApp app =
          runtime.start(
              ShopApp.with(
                  ShopApp.defaultFeature()
                      .registry(new PrometheusRegistry())
                      .service("shop")
                      .serviceLabel(label)
                      .build()))) {
        Http http = new Http(app);
        assertEquals(200, http.status("products/1"));
        Scrape scrape = http.scrape();

        List<Scrape.Sample> requests =
            scrape.samples("http_requests_total", "path", "/products/{id}");
        assertEquals(1, requests.size(), scrape.text());
        for (String name : List.of("http_requests_total", "http_requests_active", INFO)) {
          for (Scrape.Sample sample : scrape.samples(name)) {
            assertFalse(sample.labels.containsKey("service"), sample.toString());
            assertEquals(label.isEmpty() ? null : "shop", sample.labels.get("application"));
          }
        }
      }
    }
  }

  @Test
  void applications_sharing_a_registry_must_agree_on_the_service_label() {
    runtime.assumeStartsApplications();
    PrometheusRegistry registry = new PrometheusRegistry();
    RedMetricsFeature first = RedMetricsFeature.builder().registry(registry).build();
    RedMetricsFeature second =
        RedMetricsFeature.builder().registry(registry).serviceLabel("application").build();
    try (RunningApp app = runtime.start(ShopApp.with(first))) {
      assertEquals(200, new Http(app).status("products/1"));
      RuntimeException e =
          assertThrows(
              RuntimeException.class, () -> runtime.start(ShopApp.with(second)).close());
      String message = StartupFailures.illegalArgument(e).getMessage();
      assertTrue(message.startsWith("redmetrics.service-label: application: "), message);
    }
  }
}
