package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopRoutes;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One copy of the library for two applications: a server-wide library (Open Liberty's global
 * shared library, Payara's {@code lib/applibs}, a WildFly module) is one class loader for every WAR
 * that takes the library from it, so one Prometheus client and one default registry. Both shops
 * record, each under its own service, and each shop's {@code /metrics} serves the series and the
 * routes of both; a WAR on the same server with a copy of its own in {@code WEB-INF/lib} keeps a
 * registry of its own.
 *
 * <p>Runtime modules that deploy two shops on one server-wide copy name one with {@value
 * ConformanceRuntime#BASE_URI} and {@value ConformanceRuntime#SERVICE}, its neighbour with {@value
 * #NEIGHBOUR_BASE_URI} and {@value #NEIGHBOUR_SERVICE}, and, where the server runs one, a shop that
 * bundles its own copy with {@value #BUNDLED_BASE_URI}. Elsewhere the class is skipped.
 */
class ServerWideLibraryTest {

  /** The base URI of the shop's neighbour: a second shop on the same server-wide copy. */
  static final String NEIGHBOUR_BASE_URI = "redmetrics.conformance.neighbour.base-uri";

  /** The service the neighbour was deployed with, not the shop's. */
  static final String NEIGHBOUR_SERVICE = "redmetrics.conformance.neighbour.service";

  /**
   * The base URI of a shop on the same server with the library in its own {@code WEB-INF/lib}
   * ({@code io.redmetrics.jaxrs.fixtures.DeployedShopApp}, the default service); unset where the
   * server runs none.
   */
  static final String BUNDLED_BASE_URI = "redmetrics.conformance.bundled.base-uri";

  /** The default service, {@code DeployedShopApp}'s. */
  private static final String BUNDLED_SERVICE = "jaxrs";

  private static final String INFO = "http_route_info";
  private static final String PRODUCT = "/products/{id}";

  private final ConformanceRuntime runtime = ConformanceRuntime.current();
  private RunningApp shop;
  private RunningApp neighbour;
  private String shopService;
  private String neighbourService;

  /** Skips the class, once, where no neighbour is named. */
  @BeforeAll
  static void deployed() {
    assumeTrue(
        !System.getProperty(NEIGHBOUR_BASE_URI, "").isBlank(),
        "this runtime deploys no two shops on one server-wide copy of the library");
  }

  @BeforeEach
  void shops() {
    if (runtime.runsInThisJvm()) {
      throw new IllegalStateException(
          NEIGHBOUR_BASE_URI + " is set, but not " + ConformanceRuntime.BASE_URI + " (the shop's)");
    }
    shop = runtime.shop(null);
    shopService = runtime.shopService();
    neighbour = RunningApp.at(URI.create(System.getProperty(NEIGHBOUR_BASE_URI)));
    neighbourService = System.getProperty(NEIGHBOUR_SERVICE, "");
    if (neighbourService.isBlank() || neighbourService.equals(shopService)) {
      throw new IllegalStateException(
          NEIGHBOUR_SERVICE + ": '" + neighbourService + "': must name the neighbour's service");
    }
  }

  @Test
  void each_shop_records_under_its_own_service_and_each_endpoint_shows_both() {
    Http shopHttp = new Http(shop);
    Http neighbourHttp = new Http(neighbour);
    shopHttp.takeBaseline();
    neighbourHttp.takeBaseline();

    assertEquals(200, shopHttp.status("products/1"));
    assertEquals(200, shopHttp.status("products/2"));
    for (int i = 3; i <= 5; i++) {
      assertEquals(200, neighbourHttp.status("products/" + i));
    }
    assertEquals(404, neighbourHttp.status("nowhere"));

    // The same requests on either endpoint: the shop's series on the neighbour's, and back.
    for (Scrape scrape : List.of(shopHttp.scrape(), neighbourHttp.scrape())) {
      assertEquals(
          Set.of(shopService, neighbourService),
          scrape.labelValues("http_requests_total", "service"),
          scrape.text());
      assertEquals(2, requests(scrape, shopService, PRODUCT, "200"), scrape.text());
      assertEquals(3, requests(scrape, neighbourService, PRODUCT, "200"), scrape.text());
      assertEquals(
          1, requests(scrape, neighbourService, ShopRoutes.UNMATCHED, "404"), scrape.text());
      // Nothing else: scrapes are not recorded.
      assertEquals(2, scrape.sum("http_requests_total", "service", shopService), scrape.text());
      assertEquals(
          4, scrape.sum("http_requests_total", "service", neighbourService), scrape.text());
    }
  }

  @Test
  void both_endpoints_serve_the_same_series() {
    assertEquals(200, new Http(shop).status("products/1"));
    assertEquals(200, new Http(neighbour).status("products/1"));

    // One registry, and scrapes are not recorded: nothing changes between the two.
    assertEquals(series(new Http(shop).scrape()), series(new Http(neighbour).scrape()));
  }

  /**
   * {@link RouteInfoTest}'s first test for both services at once: on a shared registry each
   * endpoint lists both shops' routes, each from its own settings (the test control resource
   * excluded).
   */
  @Test
  void each_endpoint_lists_the_declared_routes_of_both_shops_and_only_them() {
    for (RunningApp endpoint : List.of(shop, neighbour)) {
      Scrape scrape = new Http(endpoint).scrape();
      assertEquals(
          Set.of(shopService, neighbourService),
          scrape.labelValues(INFO, "service"),
          scrape.text());
      for (String service : List.of(shopService, neighbourService)) {
        List<Scrape.Sample> info = scrape.samples(INFO, "service", service);
        for (Scrape.Sample sample : info) {
          assertEquals(1.0, sample.value, sample.toString());
        }
        Set<String> listed = ShopRoutes.listed(info);
        String what = endpoint.base() + "metrics lists for " + service + ": " + listed;
        assertTrue(listed.containsAll(ShopRoutes.LISTED_AT_DEPLOYMENT), what);
        assertTrue(ShopRoutes.declared().containsAll(listed), "not a declared route: " + what);
      }
    }
  }

  @Test
  void after_the_same_requests_both_shops_list_the_same_routes() {
    // Every route through locators too, which a shop lists once a request took it: earlier runs
    // against either shop may have taken some.
    List<ShopRoutes.Route> throughLocators = ShopRoutes.throughLocators();
    for (RunningApp app : List.of(shop, neighbour)) {
      Http http = new Http(app);
      assertEquals(200, http.status("products/1"));
      for (ShopRoutes.Route route : throughLocators) {
        // Every path parameter 1: each of these routes answers it.
        String path = route.template().replaceAll("\\{[^}]+}", "1");
        assertEquals(200, http.status(path), app.uri(path).toString());
      }
    }

    for (RunningApp endpoint : List.of(shop, neighbour)) {
      Scrape scrape = new Http(endpoint).scrape();
      Set<String> shopRoutes = ShopRoutes.listed(scrape.samples(INFO, "service", shopService));
      assertTrue(shopRoutes.contains("GET " + PRODUCT), shopRoutes.toString());
      for (ShopRoutes.Route route : throughLocators) {
        assertTrue(shopRoutes.contains("GET " + route.template()), shopRoutes.toString());
      }
      assertEquals(
          shopRoutes,
          ShopRoutes.listed(scrape.samples(INFO, "service", neighbourService)),
          endpoint.base() + "metrics");
    }
  }

  @Test
  void a_shop_with_a_copy_of_its_own_keeps_a_registry_of_its_own() {
    String bundledBase = System.getProperty(BUNDLED_BASE_URI, "");
    assumeTrue(!bundledBase.isBlank(), "no shop on this server bundles a copy of its own");
    Http bundled = new Http(RunningApp.at(URI.create(bundledBase)));
    Http shopHttp = new Http(shop);
    shopHttp.takeBaseline();

    assertEquals(200, shopHttp.status("products/1"));
    assertEquals(200, new Http(neighbour).status("products/1"));
    assertEquals(200, bundled.status("products/1"));

    Scrape own = bundled.scrape();
    for (String name : List.of("http_requests_total", INFO)) {
      assertEquals(Set.of(BUNDLED_SERVICE), own.labelValues(name, "service"), own.text());
    }
    Scrape shared = shopHttp.scrape();
    assertEquals(
        Set.of(shopService, neighbourService),
        shared.labelValues("http_requests_total", "service"),
        shared.text());
  }

  private static double requests(Scrape scrape, String service, String path, String status) {
    return scrape.value(
        "http_requests_total",
        "service", service,
        "method", "GET",
        "path", path,
        "status_code", status);
  }

  /** The samples that carry a {@code service} label, as {@code name{labels} value}, sorted. */
  private static List<String> series(Scrape scrape) {
    return scrape.where(sample -> sample.labels.containsKey("service")).stream()
        .map(Scrape.Sample::toString)
        .sorted()
        .collect(Collectors.toList());
  }
}
