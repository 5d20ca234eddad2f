package io.redmetrics.conformance.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redmetrics.jaxrs.support.Scrape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What one copy of the library for two applications means on Payara: {@code
 * conformance-applib.war} and {@code conformance-applib-explicit.war} both take it from the
 * domain's {@code lib/applibs} ({@code deploy --libraries}), whose class loader Payara shares
 * between the applications that name the same library. One class loader holds one Prometheus
 * client, so one default registry: each shop's {@code /metrics} shows the series of both, told
 * apart by {@code service}. A WAR with the library in its own {@code WEB-INF/lib} ({@code
 * conformance.war}) keeps a registry of its own.
 *
 * <p>Run by failsafe against the domain {@code start.sh} started (pom.xml, execution {@code
 * applib-shared}), with the shops' base URIs in system properties.
 */
class SharedApplibIT {

  private static final String APPLIB = "applib-shop";
  private static final String APPLIB_EXPLICIT = "applib-explicit-shop";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI applib = base("payara.applib.uri");
  private final URI applibExplicit = base("payara.applib-explicit.uri");
  private final URI bundled = base("payara.bundled.uri");

  @Test
  void each_endpoint_shows_the_requests_of_both_shops_told_apart_by_service() {
    Scrape applibBefore = scrape(applib);
    Scrape explicitBefore = scrape(applibExplicit);

    assertEquals(200, status(applib, "products/1"));
    assertEquals(200, status(applibExplicit, "products/2"));
    assertEquals(200, status(applibExplicit, "products/3"));

    for (Scrape scrape :
        new Scrape[] {
          scrape(applib).since(applibBefore), scrape(applibExplicit).since(explicitBefore)
        }) {
      assertEquals(1, productRequests(scrape, APPLIB), scrape.text());
      assertEquals(2, productRequests(scrape, APPLIB_EXPLICIT), scrape.text());
    }
  }

  @Test
  void each_endpoint_lists_the_routes_of_both_shops_each_under_its_own_service() {
    for (URI shop : new URI[] {applib, applibExplicit}) {
      Scrape scrape = scrape(shop);

      assertEquals(
          Set.of(APPLIB, APPLIB_EXPLICIT),
          scrape.labelValues("http_route_info", "service"),
          scrape.text());
      Set<String> applibRoutes = routes(scrape, APPLIB);
      assertTrue(applibRoutes.contains("GET /products/{id}"), applibRoutes.toString());
      // Each shop's own settings: the control resource excluded, by MicroProfile Config in the
      // discovered WAR, by getProperties() in the explicit one.
      assertTrue(
          applibRoutes.stream().noneMatch(route -> route.contains("/test-control")),
          applibRoutes.toString());
      assertEquals(applibRoutes, routes(scrape, APPLIB_EXPLICIT), scrape.text());
    }
  }

  @Test
  void a_war_with_the_library_in_its_own_web_inf_lib_keeps_a_registry_of_its_own() {
    assertEquals(200, status(applib, "products/4"));
    assertEquals(200, status(bundled, "products/4"));

    Scrape scrape = scrape(bundled);
    assertEquals(
        Set.of("jaxrs"), scrape.labelValues("http_requests_total", "service"), scrape.text());
    assertEquals(
        Set.of("jaxrs"), scrape.labelValues("http_route_info", "service"), scrape.text());
  }

  private static double productRequests(Scrape scrape, String service) {
    return scrape.value(
        "http_requests_total",
        "method", "GET",
        "path", "/products/{id}",
        "status_code", "200",
        "service", service);
  }

  /** The routes {@code http_route_info} lists for {@code service}, as {@code METHOD path}. */
  private static Set<String> routes(Scrape scrape, String service) {
    Set<String> routes = new TreeSet<>();
    for (Scrape.Sample sample : scrape.samples("http_route_info", "service", service)) {
      Map<String, String> labels = sample.labels;
      routes.add(labels.get("method") + " " + labels.get("path"));
    }
    return routes;
  }

  private static Scrape scrape(URI shop) {
    HttpResponse<String> response = get(shop.resolve("metrics"));
    assertEquals(200, response.statusCode(), shop + "metrics: " + response.body());
    return Scrape.parse(response.body());
  }

  private static int status(URI shop, String relative) {
    return get(shop.resolve(relative)).statusCode();
  }

  private static HttpResponse<String> get(URI uri) {
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static URI base(String property) {
    String uri = System.getProperty(property);
    if (uri == null || uri.isBlank()) {
      throw new IllegalStateException(property + " is not set: run by failsafe (pom.xml)");
    }
    return URI.create(uri.endsWith("/") ? uri : uri + "/");
  }
}
