package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.redmetrics.jaxrs.RedMetricsFeature;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RunningApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Who may scrape the endpoint, and how many at once. */
class MetricsAccessTest {

  private final ConformanceRuntime runtime = ConformanceRuntime.current();

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void with_a_role_only_callers_in_it_get_the_scrape() {
    PrometheusRegistry registry = new PrometheusRegistry();
    try (RunningApp app =
        runtime.start(
            ShopApp.with(
                RedMetricsFeature.builder().registry(registry).metricsRole("metrics-reader").build()))) {
      Http http = new Http(app);
      assertEquals(200, http.status("products/1"));

      HttpResponse<byte[]> anonymous = http.get("metrics");
      HttpResponse<byte[]> outsider = http.get("metrics", "X-User", "eve", "X-Roles", "shopper");
      HttpResponse<byte[]> reader =
          http.get("metrics", "X-User", "prometheus", "X-Roles", "metrics-reader");

      assertEquals(401, anonymous.statusCode());
      assertEquals(403, outsider.statusCode());
      for (HttpResponse<byte[]> refused : new HttpResponse[] {anonymous, outsider}) {
        assertFalse(text(refused).contains("http_requests"), text(refused));
      }
      assertEquals(200, reader.statusCode());
      assertTrue(text(reader).contains("path=\"/products/{id}\""), text(reader));
    }
  }

  @Test
  void a_scrape_beyond_the_limit_gets_503_at_once_and_the_running_one_completes()
      throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    CountDownLatch collecting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    registry.register(
        (Collector)
            () -> {
              collecting.countDown();
              await(release);
              return CounterSnapshot.builder().name("slow_collector").build();
            });
    try (RunningApp app =
        runtime.start(
            ShopApp.with(
                RedMetricsFeature.builder().registry(registry).maxConcurrentScrapes(1).build()))) {
      Http http = new Http(app);
      CompletableFuture<HttpResponse<byte[]>> first =
          CompletableFuture.supplyAsync(() -> http.get("metrics"));
      assertTrue(collecting.await(20, TimeUnit.SECONDS), "the first scrape never started");

      HttpResponse<byte[]> second = http.get("metrics");
      release.countDown();

      assertEquals(503, second.statusCode());
      assertEquals(200, first.get(20, TimeUnit.SECONDS).statusCode());
      assertEquals(200, http.get("metrics").statusCode());
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
