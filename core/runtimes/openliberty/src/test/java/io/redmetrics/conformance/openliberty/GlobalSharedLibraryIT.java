package io.redmetrics.conformance.openliberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redmetrics.jaxrs.support.Scrape;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two WARs that take the library from Liberty's global shared library, each with a service of its
 * own, on one server beside {@code conformance.war}, which holds the library in {@code
 * WEB-INF/lib}: what their endpoints show. The global library is one class loader for both, so one
 * Prometheus client and one default registry: each endpoint shows both shops, told apart by {@code
 * service}; {@code conformance.war} has its own and shows neither.
 */
class GlobalSharedLibraryIT {

  private static final String DISCOVERED = "discovered-shop";
  private static final String EXPLICIT = SharedLibraryShopApp.SERVICE;
  private static final String PRODUCT = "/products/{id}";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI discovered = uri("redmetrics.openliberty.global-discovered-uri");
  private final URI explicit = uri("redmetrics.openliberty.global-explicit-uri");
  private final URI own = uri("redmetrics.openliberty.conformance-uri");

  @Test
  void each_shop_records_under_its_own_service_and_each_endpoint_shows_both() {
    Scrape discoveredBefore = scrape(discovered);
    Scrape explicitBefore = scrape(explicit);

    for (int i = 0; i < 2; i++) {
      assertEquals(200, status(discovered, "products/" + i));
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(200, status(explicit, "products/" + i));
    }

    for (Scrape scrape :
        new Scrape[] {
          scrape(discovered).since(discoveredBefore), scrape(explicit).since(explicitBefore)
        }) {
      assertEquals(2, requests(scrape, DISCOVERED), scrape.text());
      assertEquals(3, requests(scrape, EXPLICIT), scrape.text());
    }
  }

  @Test
  void both_endpoints_serve_the_same_registry_with_the_routes_of_both_shops() {
    assertEquals(200, status(discovered, "products/1"));
    assertEquals(200, status(explicit, "products/1"));

    Scrape fromDiscovered = scrape(discovered);
    Scrape fromExplicit = scrape(explicit);
    Set<String> both = Set.of(DISCOVERED, EXPLICIT);
    assertEquals(both, fromDiscovered.labelValues("http_route_info", "service"));
    assertEquals(both, fromExplicit.labelValues("http_route_info", "service"));
    for (String service : both) {
      assertTrue(
          fromDiscovered.samples("http_route_info", "service", service, "path", PRODUCT).size()
              > 0,
          fromDiscovered.text());
    }
  }

  @Test
  void the_war_with_the_library_in_web_inf_lib_keeps_a_registry_of_its_own() {
    assertEquals(200, status(discovered, "products/1"));
    assertEquals(200, status(explicit, "products/1"));
    assertEquals(200, status(own, "products/1"));

    Scrape scrape = scrape(own);
    assertEquals(Set.of("jaxrs"), scrape.labelValues("http_requests_total", "service"));
    assertEquals(Set.of("jaxrs"), scrape.labelValues("http_route_info", "service"));
  }

  private static double requests(Scrape scrape, String service) {
    return scrape.value(
        "http_requests_total",
        "method", "GET",
        "path", PRODUCT,
        "status_code", "200",
        "service", service);
  }

  private static URI uri(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(property + " is not set (pom.xml, failsafe)");
    }
    return URI.create(value.endsWith("/") ? value : value + "/");
  }

  private static Scrape scrape(URI base) {
    HttpResponse<String> response = get(base, "metrics");
    assertEquals(200, response.statusCode(), base + "metrics: " + response.body());
    return Scrape.parse(response.body());
  }

  private static int status(URI base, String relative) {
    return get(base, relative).statusCode();
  }

  private static HttpResponse<String> get(URI base, String relative) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(relative)).timeout(Duration.ofSeconds(30)).build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
