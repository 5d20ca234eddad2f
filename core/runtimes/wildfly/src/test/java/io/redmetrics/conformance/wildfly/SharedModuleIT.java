package io.redmetrics.conformance.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopRoutes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code conformance-module.war} and {@code conformance-global.war}, two WARs on one WildFly that
 * take the library from the module {@code io.redmetrics} (the first through its {@code
 * jboss-deployment-structure.xml}, the second as the server's global module), each on a port of its
 * own with a service of its own from its MicroProfile Config: one module is one class loader, so
 * one Prometheus client and one default registry, which both features share, and each WAR's {@code
 * /metrics} serves both shops' series, told apart by {@code service}. Over real HTTP, from the
 * scrapes as a user sees them.
 */
class SharedModuleIT {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private static final URI A = URI.create(System.getProperty("wildfly.module.uri"));
  private static final URI B = URI.create(System.getProperty("wildfly.global.uri"));
  private static final String SERVICE_A = "module-shop";
  private static final String SERVICE_B = "global-shop";

  /** Routes of resource classes, reached without locators: listed from deployment on. */
  private static final List<String> DECLARED =
      List.of(
          "GET /products",
          "POST /products",
          "DELETE /products/{id}",
          "GET /items/{id}",
          "PROPFIND /dav",
          "GET /failures/web/{status}");

  @Test
  void each_war_records_under_its_own_service_on_one_registry() {
    Scrape beforeA = scrape(A);
    Scrape beforeB = scrape(B);

    assertEquals(200, status(A, "products/1"));
    assertEquals(200, status(A, "products/2"));
    assertEquals(200, status(B, "products/3"));
    assertEquals(404, status(B, "nowhere"));

    // The same requests on either endpoint: A's series on B's, B's on A's.
    for (Scrape scrape : List.of(scrape(A).since(beforeA), scrape(B).since(beforeB))) {
      assertEquals(2, requests(scrape, SERVICE_A, "/products/{id}", "200"), scrape.text());
      assertEquals(1, requests(scrape, SERVICE_B, "/products/{id}", "200"), scrape.text());
      assertEquals(1, requests(scrape, SERVICE_B, "UNMATCHED", "404"), scrape.text());
      assertEquals(2, scrape.sum("http_requests_total", "service", SERVICE_A), scrape.text());
      assertEquals(2, scrape.sum("http_requests_total", "service", SERVICE_B), scrape.text());
      assertEquals(
          Set.of(SERVICE_A, SERVICE_B),
          scrape.labelValues("http_requests_total", "service"),
          scrape.text());
    }
  }

  @Test
  void both_endpoints_serve_the_same_series() {
    assertEquals(200, status(A, "products/1"));
    assertEquals(200, status(B, "products/1"));

    // Scrapes are not recorded: nothing changes between the two.
    assertEquals(series(scrape(A)), series(scrape(B)));
  }

  /**
   * {@code RouteInfoTest}'s first test per service: on a shared registry the first scrape lists
   * both shops' routes, which that test, asserting only the shop's own service, cannot pass.
   */
  @Test
  void both_endpoints_list_each_war_s_declared_routes_and_only_them() {
    for (URI endpoint : List.of(A, B)) {
      Scrape scrape = scrape(endpoint);
      assertEquals(
          Set.of(SERVICE_A, SERVICE_B),
          scrape.labelValues("http_route_info", "service"),
          endpoint.toString());
      for (String service : List.of(SERVICE_A, SERVICE_B)) {
        Set<String> listed = new TreeSet<>();
        for (Scrape.Sample sample : scrape.samples("http_route_info", "service", service)) {
          assertEquals(1.0, sample.value, sample.toString());
          listed.add(sample.labels.get("method") + " " + sample.labels.get("path"));
        }
        String what = endpoint + " lists for " + service + ": " + listed;
        assertTrue(listed.containsAll(DECLARED), what);
        // Not the test control resource's routes: each WAR's own MicroProfile Config excludes them.
        assertTrue(allowed().containsAll(listed), what);
      }
    }
  }

  /** Every route the shop declares, as {@code METHOD path}. */
  private static Set<String> allowed() {
    Set<String> allowed = new TreeSet<>();
    List<ShopRoutes.Route> declared = new ArrayList<>(ShopRoutes.ROUTES);
    declared.addAll(ShopRoutes.SOAK_ROUTES);
    for (ShopRoutes.Route route : declared) {
      for (String method : route.methods()) {
        allowed.add(method + " " + route.template());
      }
    }
    return allowed;
  }

  private static double requests(Scrape scrape, String service, String path, String status) {
    return scrape.value(
        "http_requests_total",
        "service", service, "method", "GET", "path", path, "status_code", status);
  }

  /**
   * The {@code http_requests_total} and {@code http_route_info} samples, as {@code name{labels}
   * value}, sorted.
   */
  private static List<String> series(Scrape scrape) {
    return scrape
        .where(s -> s.name.equals("http_requests_total") || s.name.equals("http_route_info"))
        .stream()
        .map(Scrape.Sample::toString)
        .sorted()
        .collect(Collectors.toList());
  }

  private static Scrape scrape(URI shop) {
    HttpResponse<String> response = get(shop, "metrics");
    assertEquals(200, response.statusCode(), shop + "metrics");
    return Scrape.parse(response.body());
  }

  private static int status(URI shop, String path) {
    return get(shop, path).statusCode();
  }

  private static HttpResponse<String> get(URI shop, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(shop.resolve(path)).timeout(Duration.ofSeconds(30)).build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
