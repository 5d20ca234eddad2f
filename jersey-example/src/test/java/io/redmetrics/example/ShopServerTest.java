package io.redmetrics.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example as a user tries it: the banner's URLs answer, and /metrics shows their routes. */
class ShopServerTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static HttpServer server;
  private static URI base;

  @BeforeAll
  static void start() {
    server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:0/"), new ShopApplication());
    int port = server.getListeners().iterator().next().getPort();
    base = URI.create("http://127.0.0.1:" + port + "/");
  }

  @AfterAll
  static void stop() {
    server.shutdownNow();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void the_banner_urls_answer_and_metrics_show_their_templates() throws Exception {
    assertEquals(200, get("products/1").statusCode());
    assertEquals(404, get("products/42").statusCode());
    assertEquals(200, get("products/sku/MUG-100").statusCode());
    assertEquals(200, get("orders/1/lines/2").statusCode());
    assertEquals(500, get("reports/daily").statusCode());
    assertEquals(200, get("warehouse/stock/1").statusCode());
    assertEquals(200, get("warehouse/eta/3").statusCode());
    assertEquals(200, get("export/products.csv").statusCode());
    assertEquals(404, get("no/such/page").statusCode());

    String metrics = get("metrics").body();
    for (String series :
        new String[] {
          "http_requests_total{method=\"GET\",path=\"/products/{id}\",service=\"shop\",status_code=\"200\"} 1.0",
          "http_requests_total{method=\"GET\",path=\"/products/{id}\",service=\"shop\",status_code=\"404\"} 1.0",
          "http_requests_total{method=\"GET\",path=\"/products/sku/{sku}\",service=\"shop\",status_code=\"200\"} 1.0",
          "http_requests_total{method=\"GET\",path=\"/orders/{orderId}/lines/{lineId}\",service=\"shop\",status_code=\"200\"} 1.0",
          "http_errors_total{method=\"GET\",path=\"/reports/daily\",service=\"shop\",status_code=\"500\"} 1.0",
          "http_requests_total{method=\"GET\",path=\"/warehouse/stock/{productId}\",service=\"shop\",status_code=\"200\"} 1.0",
          "http_requests_total{method=\"GET\",path=\"/warehouse/eta/{productId}\",service=\"shop\",status_code=\"200\"} 1.0",
          "http_requests_total{method=\"GET\",path=\"/export/products.csv\",service=\"shop\",status_code=\"200\"} 1.0",
          "http_requests_total{method=\"GET\",path=\"UNMATCHED\",service=\"shop\",status_code=\"404\"} 1.0",
        }) {
      assertTrue(metrics.contains(series), series + " missing from\n" + metrics);
    }
  }
}
