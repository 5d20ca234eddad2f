package io.redmetrics.example.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code /api/metrics} serves the Prometheus text format and is not counted itself. */
class MetricsEndpointIT {

  private final ShopClient shop = ShopClient.fromSystemProperties();

  @Test
  void the_endpoint_serves_the_prometheus_text_format() {
    shop.status("products");

    HttpResponse<String> response = shop.get("metrics");
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        response.headers()::toString);
    assertTrue(response.body().contains("# TYPE http_requests_total counter"), response::body);
  }

  @Test
  void scrapes_are_not_counted() {
    Recorded recorded =
        Recorded.during(
            shop,
            () -> {
              for (int i = 0; i < 3; i++) {
                shop.scrape();
              }
            });

    assertEquals(0, recorded.increase("http_requests_total"), recorded::report);
    assertTrue(
        recorded.after().labelValues("http_requests_total", "path").stream()
            .noneMatch(path -> path.contains("metrics")),
        recorded::report);
  }
}
