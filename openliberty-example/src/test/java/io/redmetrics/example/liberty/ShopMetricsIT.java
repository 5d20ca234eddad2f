package io.redmetrics.example.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A smoke test of the example WAR: the library is deployed the way this module shows (discovered
 * from {@code WEB-INF/lib}, or registered explicitly with {@code -Pexplicit-registration}),
 * configured with {@code service="shop"}, and serves {@code /api/metrics}. The rules themselves
 * are the conformance suite's, which {@code core/runtimes/openliberty} runs on Liberty.
 */
class ShopMetricsIT {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** The shop on the server the build started ({@code shop.port}), or on 9080 ({@code liberty:run}). */
  private static final URI API =
      URI.create("http://127.0.0.1:" + Integer.getInteger("shop.port", 9080) + "/api/");

  @Test
  void the_shop_serves_its_metrics_with_its_service_and_route_templates() throws Exception {
    assertEquals(200, get("products/1").statusCode());

    HttpResponse<String> scrape = get("metrics");
    assertEquals(200, scrape.statusCode());
    assertTrue(
        scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        scrape.headers()::toString);
    List<String> requests =
        scrape.body().lines().filter(line -> line.startsWith("http_requests_total{")).collect(Collectors.toList());
    assertTrue(
        requests.stream().anyMatch(line -> line.contains("path=\"/api/products/{id}\"")),
        scrape::body);
    assertTrue(
        requests.stream().allMatch(line -> line.contains("service=\"shop\"")), scrape::body);
  }

  private static HttpResponse<String> get(String relative) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(API.resolve(relative)).timeout(Duration.ofSeconds(30)).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
