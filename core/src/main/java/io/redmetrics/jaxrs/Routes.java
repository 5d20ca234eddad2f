package io.redmetrics.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The routes of one application: turns a base path, a template and a request method into the
 * {@link RouteSeries} that records them, honouring the exclusions, and knows which request methods
 * are declared by deployed resources. Shared by every filter of the application.
 */
final class Routes {

  private final Settings settings;
  private final RedMetrics metrics;
  private final TemplateSource templates;
  private final boolean unmatchedExcluded;
  private final Set<String> declaredMethods = ConcurrentHashMap.newKeySet();
  /** By method label; holds no entry for any label while {@code UNMATCHED} is excluded. */
  private final ConcurrentMap<String, RouteSeries> unmatched = new ConcurrentHashMap<>();
  /** Requests the runtime matched without a resource method of ours, by base, chain and method. */
  private final ConcurrentMap<List<Object>, Optional<RouteSeries>> runtimeAnswered =
      new ConcurrentHashMap<>();

  Routes(Settings settings, RedMetrics metrics, TemplateSource templates) {
    this.settings = settings;
    this.metrics = metrics;
    this.templates = templates;
    this.unmatchedExcluded = isExcluded(RouteTemplate.UNMATCHED);
  }

  TemplateSource templates() {
    return templates;
  }

  /** Records that a deployed resource method answers {@code method} (an {@code @HttpMethod}). */
  void declareMethod(String method) {
    declaredMethods.add(method);
  }

  /**
   * Returns the series of a route, {@code null} when the route is excluded. Builds strings: call
   * once per route, never per request.
   *
   * @param basePath the application's base path as the client sees it, e.g. {@code /api/}
   * @param template the matched template below the base path
   * @param method the request method; a route's method is known to the runtime, so it is bounded
   */
  RouteSeries series(String basePath, String template, String method) {
    return route(basePath, template, method, true);
  }

  private RouteSeries route(String basePath, String template, String method, boolean entered) {
    String path = RouteTemplate.join(basePath, template);
    // Users write exclusions as the path label shows them, or as their @Path templates show them.
    if (isExcluded(path) || isExcluded(RouteTemplate.join(template))) {
      return null;
    }
    return entered
        ? RouteSeries.entered(metrics, method, path, settings.service)
        : RouteSeries.completedOnly(metrics, method, path, settings.service);
  }

  /**
   * Binds a request that is about to be recorded without having entered a route: one the runtime
   * answered by itself after matching (automatic {@code OPTIONS}), or one it could not match,
   * which gets {@code path="UNMATCHED"}. Does nothing for a request already routed.
   */
  void bindOutside(InFlightRequest inFlight, ContainerRequestContext request) {
    if (!inFlight.isRouted()) {
      inFlight.endOutside(outsideRoute(request, inFlight.method()));
    }
  }

  /** The series of a request outside every route; {@code null} when that is excluded. */
  private RouteSeries outsideRoute(ContainerRequestContext request, String method) {
    Object chain = templates.answeredChain(request);
    if (chain == null) {
      return unmatched(method);
    }
    String basePath = request.getUriInfo().getBaseUri().getRawPath();
    String label = MethodLabel.of(method, declaredMethods);
    List<Object> key = List.of(basePath, chain, label);
    Optional<RouteSeries> series = runtimeAnswered.get(key);
    if (series == null) {
      series =
          Optional.ofNullable(route(basePath, templates.template(chain, ""), label, false));
      runtimeAnswered.putIfAbsent(key, series);
    }
    return series.orElse(null);
  }

  private RouteSeries unmatched(String method) {
    if (unmatchedExcluded) {
      return null;
    }
    return unmatched.computeIfAbsent(
        MethodLabel.of(method, declaredMethods),
        label -> RouteSeries.completedOnly(metrics, label, RouteTemplate.UNMATCHED, settings.service));
  }

  private boolean isExcluded(String path) {
    for (String excluded : settings.exclude) {
      if (excluded.endsWith("/*")
          ? isUnder(path, excluded.substring(0, excluded.length() - 2))
          : excluded.equals(path)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnder(String path, String prefix) {
    return prefix.isEmpty()
        ? path.startsWith("/")
        : path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
