package io.redmetrics.jaxrs.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every route the fixture shop declares, as the {@code path} label shows it on an application at
 * the root path, with its request methods: the one place that lists them, for tests that must know
 * which label values the deployed routes allow. Keep it in step with the fixtures' annotations.
 */
public final class ShopRoutes {

  /** A resource method: its whole template, regular expressions stripped, and its methods. */
  public record Route(String template, List<String> methods) {}

  /** The {@code path} label of requests that matched no resource method. */
  public static final String UNMATCHED = "UNMATCHED";

  /** The {@code method} label of a method that is neither standard nor declared. */
  public static final String OTHER_METHOD = "_OTHER";

  /** The methods that are always their own label (RFC 9110, RFC 5789). */
  public static final List<String> STANDARD_METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  /** The methods the fixtures declare with {@code @HttpMethod}. */
  public static final List<String> DECLARED_METHODS = List.of("PROPFIND");

  /** The resource methods, test control left out (never recorded). */
  public static final List<Route> ROUTES =
      List.of(
          new Route("/products", List.of("GET", "POST")),
          new Route("/products/{id}", List.of("GET", "PUT", "PATCH", "DELETE")),
          new Route("/products/sku/{sku}", List.of("GET")),
          new Route("/products/{id}/unchanged", List.of("GET")),
          new Route("/products/{id}/touch", List.of("PUT")),
          new Route("/products/{id}/stock", List.of("POST")),
          new Route("/orders/{orderId}", List.of("GET")),
          new Route("/orders/{orderId}/lines", List.of("GET")),
          new Route("/orders/{orderId}/lines/{lineId}", List.of("GET")),
          new Route("/orders/{orderId}/lines/{lineId}/notes/{noteId}", List.of("GET")),
          new Route("/orders/{orderId}/archived", List.of("GET")),
          new Route("/orders/{orderId}/archived/{lineId}", List.of("GET")),
          new Route("/orders/{orderId}/archived/{lineId}/notes/{noteId}", List.of("GET")),
          new Route("/orders/{orderId}/items/{id}", List.of("GET")),
          new Route("/items/{id}", List.of("GET")),
          new Route("/failures/mapped", List.of("GET")),
          new Route("/failures/unmapped", List.of("GET")),
          new Route("/failures/checked", List.of("GET")),
          new Route("/failures/error", List.of("GET")),
          new Route("/failures/in-filter", List.of("GET")),
          new Route("/failures/accepted", List.of("GET")),
          new Route("/failures/web/{status}", List.of("GET")),
          new Route("/timing/async", List.of("GET")),
          new Route("/timing/stage", List.of("GET")),
          new Route("/timing/stream", List.of("GET")),
          new Route("/timing/endless", List.of("GET")),
          new Route("/timing/held", List.of("GET")),
          new Route("/dav", List.of("PROPFIND")),
          new Route("/admin/health", List.of("GET")),
          new Route("/admin/internal/status", List.of("GET")));

  /**
   * The soak fixture's resource methods ({@code SoakResource}), kept out of {@link #ROUTES}: hostile
   * traffic walks those, and these hold requests or fail them on purpose.
   */
  public static final List<Route> SOAK_ROUTES =
      List.of(
          "fast", "slow", "status/{code}", "mapped", "unmapped", "async", "async-timeout",
          "async-abandoned", "async-failure", "broken-stream", "broken-stream-io", "endless",
          "in-filter")
          .stream()
          .map(path -> new Route("/soak/" + path, List.of("GET")))
          .toList();

  /**
   * The templates of the sub-resource locators: a request that fails in a chain of locators (one
   * that throws, a sub-resource with no method for the rest of the path) is recorded under the
   * template matched so far.
   */
  public static final List<String> LOCATORS =
      List.of(
          "/orders/{orderId}/lines",
          "/orders/{orderId}/archived",
          "/orders/{orderId}/items",
          "/orders/{orderId}/lines/{lineId}/notes",
          "/orders/{orderId}/archived/{lineId}/notes");

  /**
   * Routes of resource classes, reached without locators, as {@code METHOD path}: {@code
   * http_route_info} lists them from deployment on, before they have traffic.
   */
  public static final List<String> LISTED_AT_DEPLOYMENT =
      List.of(
          "GET /products",
          "POST /products",
          "DELETE /products/{id}",
          "GET /items/{id}",
          "PROPFIND /dav",
          "GET /failures/web/{status}");

  private ShopRoutes() {}

  /**
   * Every route the shop declares, the soak fixture's included, as {@code METHOD path}: all that
   * {@code http_route_info} may list (not the test control resource, never recorded).
   */
  public static Set<String> declared() {
    Set<String> declared = new TreeSet<>();
    for (List<Route> routes : List.of(ROUTES, SOAK_ROUTES)) {
      for (Route route : routes) {
        for (String method : route.methods()) {
          declared.add(method + " " + route.template());
        }
      }
    }
    return declared;
  }

  /**
   * The resource methods reached through sub-resource locators: {@code http_route_info} lists them
   * once a request took them.
   */
  public static List<Route> throughLocators() {
    return ROUTES.stream()
        .filter(route -> LOCATORS.stream().anyMatch(route.template()::startsWith))
        .toList();
  }

  /** The routes that {@code http_route_info} samples list, as {@code METHOD path}. */
  public static Set<String> listed(List<Scrape.Sample> routeInfo) {
    Set<String> listed = new TreeSet<>();
    for (Scrape.Sample sample : routeInfo) {
      listed.add(sample.labels.get("method") + " " + sample.labels.get("path"));
    }
    return listed;
  }

  /** Every value the {@code path} label may take: the templates, locators and {@link #UNMATCHED}. */
  public static Set<String> pathLabels() {
    Set<String> labels = new LinkedHashSet<>();
    ROUTES.forEach(route -> labels.add(route.template()));
    labels.addAll(LOCATORS);
    labels.add(UNMATCHED);
    return labels;
  }

  /** Every value the {@code method} label may take. */
  public static Set<String> methodLabels() {
    Set<String> labels = new LinkedHashSet<>(STANDARD_METHODS);
    labels.addAll(DECLARED_METHODS);
    labels.add(OTHER_METHOD);
    return labels;
  }
}
