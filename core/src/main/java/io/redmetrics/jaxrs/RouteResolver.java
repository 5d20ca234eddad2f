package io.redmetrics.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers "which series does this request record to", for every request of one application: the
 * {@code path} label (base path, then the templates the runtime matched, or {@code UNMATCHED}),
 * the {@code method} label ({@link MethodLabel}) and the exclusions.
 *
 * <p>One cache holds the series, keyed by what the runtime matched: the normalised base path, the
 * resource method's template, the chain of locators that led to it and the method label. Each
 * {@link Route} also remembers the last request's key in a field, so that a request on a route
 * compares a few references and strings, and allocates nothing.
 */
final class RouteResolver {

  private final Settings settings;
  private final RedMetrics metrics;
  private final RuntimeAdapter runtime;
  private final Set<String> declaredMethods = ConcurrentHashMap.newKeySet();
  private final ConcurrentMap<Key, Optional<RouteSeries>> series = new ConcurrentHashMap<>();
  /** The resource methods bound at deployment, listed in {@code http_route_info}. */
  private final List<Route> declared = new CopyOnWriteArrayList<>();
  /** The normalised base paths below which {@link #declared} are listed. */
  private final Set<String> listedBelow = ConcurrentHashMap.newKeySet();

  RouteResolver(Settings settings, RedMetrics metrics, RuntimeAdapter runtime) {
    this.settings = settings;
    this.metrics = metrics;
    this.runtime = runtime;
  }

  /**
   * Returns the route of a resource method, built once at deployment. It is listed in {@code
   * http_route_info} when its class is a root resource of the application's own: not a
   * sub-resource class, whose whole template only a request through its locators tells (Jersey
   * and Open Liberty bind its methods too; routes through locators are listed once a request took
   * them), nor the runtime's own ({@link RuntimeAdapter#ownsResource}). Its requests are recorded
   * either way.
   *
   * @param resourceClass the class that declares the method
   * @param template the template the method's annotations give, below the base path
   * @param ownPath the method's own {@code @Path}, {@code null} when it has none
   * @param designators the request methods it answers
   */
  Route route(
      Class<?> resourceClass, String template, String ownPath, List<String> designators) {
    declaredMethods.addAll(designators);
    Route route = new Route(template, ownPath, designators);
    if (ResourceAnnotations.classPath(resourceClass) == null
        || runtime.ownsResource(resourceClass)) {
      return route;
    }
    declared.add(route);
    for (String basePath : listedBelow) {
      list(basePath, route);
    }
    return route;
  }

  /**
   * Returns the route of a resource method a request reached through locators, where the runtime
   * binds it only then (CXF): listed once the request's chain is known, not here.
   */
  Route reached(String ownPath, List<String> designators) {
    declaredMethods.addAll(designators);
    return new Route(ownPath, ownPath, designators);
  }

  /**
   * Lists every route of the application in {@code http_route_info} below the base path of a
   * request, once per base path: before traffic, the application knows its templates but not its
   * base path. Called on the first request of each route and on scrapes, never on a request that
   * took a route before.
   */
  void listRoutes(String rawBasePath) {
    String basePath = RouteTemplate.basePath(rawBasePath);
    if (listedBelow.add(basePath)) {
      for (Route route : declared) {
        list(basePath, route);
      }
    }
  }

  private void list(String basePath, Route route) {
    String path = RouteTemplate.join(basePath, route.template);
    if (isExcluded(path) || isExcluded(RouteTemplate.join(route.template))) {
      return;
    }
    for (String designator : route.designators) {
      list(designator.toUpperCase(Locale.ROOT), path);
    }
  }

  private void list(String method, String path) {
    metrics.routes.addLabelValues(metrics.route(method, path, settings.service));
  }

  /** The series of a request the runtime matched to {@code route}; {@code null}: excluded. */
  RouteSeries entered(ContainerRequestContext request, Route route, String sentMethod) {
    UriInfo uriInfo = request.getUriInfo();
    String basePath = runtime.rawBasePath(uriInfo);
    String scheme = scheme(uriInfo);
    String method =
        MethodLabel.ofMatched(sentMethod, request.getMethod(), route.designators, declaredMethods);
    Route.Last last = route.last;
    if (last != null
        && last.key.method.equals(method)
        && last.rawBasePath.equals(basePath)
        && last.key.scheme.equals(scheme)
        && runtime.tookChain(request, last.key.chain)) {
      return last.series;
    }
    listRoutes(basePath);
    Key key =
        new Key(
            RouteTemplate.basePath(basePath),
            scheme,
            route,
            runtime.locatorChain(request),
            method);
    RouteSeries found = series(key, route);
    route.last = new Route.Last(basePath, key, found);
    return found;
  }

  /**
   * The series of a request that ends without having entered a route: the template the runtime
   * matched so far (a locator that failed, an {@code OPTIONS} request the runtime answered), or
   * {@code UNMATCHED}.
   *
   * @param uriInfo what the runtime matched; {@code null} when it is no longer known
   */
  RouteSeries outside(UriInfo uriInfo, String sentMethod) {
    String method = MethodLabel.of(sentMethod, declaredMethods);
    Object matched = uriInfo == null ? null : runtime.matchedSoFar(uriInfo);
    String scheme = uriInfo == null ? "" : scheme(uriInfo);
    if (matched == null) {
      return series(new Key(RouteTemplate.UNMATCHED, scheme, null, null, method), null);
    }
    String basePath = RouteTemplate.basePath(runtime.rawBasePath(uriInfo));
    return series(new Key(basePath, scheme, null, matched, method), null);
  }

  /**
   * The scheme label of a request: empty where the naming has none, so it splits no series, and
   * the base URI (which some runtimes build on each call) is not asked for.
   */
  private String scheme(UriInfo uriInfo) {
    if (!metrics.hasScheme()) {
      return "";
    }
    String scheme = uriInfo.getBaseUri().getScheme();
    return scheme != null ? scheme : "";
  }

  /** Finds the series of a key, binding it on first use: string building happens only here. */
  private RouteSeries series(Key key, Route route) {
    Optional<RouteSeries> found = series.get(key);
    if (found == null) {
      found = Optional.ofNullable(bind(key, route));
      Optional<RouteSeries> raced = series.putIfAbsent(key, found);
      found = raced == null ? found : raced;
    }
    return found.orElse(null);
  }

  private RouteSeries bind(Key key, Route route) {
    if (key.basePath.equals(RouteTemplate.UNMATCHED)) {
      return isExcluded(RouteTemplate.UNMATCHED)
          ? null
          : new RouteSeries(
              metrics, key.method, RouteTemplate.UNMATCHED, key.scheme, settings.service);
    }
    String template =
        key.chain == null
            ? route.template
            : runtime.template(key.chain, route == null ? null : route.ownPath);
    String path = RouteTemplate.join(key.basePath, template);
    // Users write exclusions as the path label shows them, or as their @Path templates show them.
    if (isExcluded(path) || isExcluded(RouteTemplate.join(template))) {
      return null;
    }
    if (key.chain != null && route != null && route.designators.contains(key.method)) {
      list(key.method, path); // a chain of locators, known only once a request took it
    }
    return new RouteSeries(metrics, key.method, path, key.scheme, settings.service);
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

  /**
   * A resource method, bound at deployment: what its annotations say, and the key of the last
   * request that took it.
   */
  static final class Route {
    final String template;
    final String ownPath;
    final List<String> designators;
    private volatile Last last;

    private Route(String template, String ownPath, List<String> designators) {
      this.template = template;
      this.ownPath = ownPath;
      this.designators = List.copyOf(designators);
    }

    /** The raw base path of a request, its key, and the series they gave. */
    private static final class Last {
      final String rawBasePath;
      final Key key;
      final RouteSeries series;

      Last(String rawBasePath, Key key, RouteSeries series) {
        this.rawBasePath = rawBasePath;
        this.key = key;
        this.series = series;
      }
    }
  }

  /**
   * What the runtime matched: base path, scheme, resource method, chain of locators, method label.
   */
  private static final class Key {
    final String basePath;
    final String scheme;
    final Route route;
    final Object chain;
    final String method;

    Key(String basePath, String scheme, Route route, Object chain, String method) {
      this.basePath = basePath;
      this.scheme = scheme;
      this.route = route;
      this.chain = chain;
      this.method = method;
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Key)) {
        return false;
      }
      Key key = (Key) other;
      return route == key.route
          && basePath.equals(key.basePath)
          && scheme.equals(key.scheme)
          && method.equals(key.method)
          && Objects.equals(chain, key.chain);
    }

    @Override
    public int hashCode() {
      return Objects.hash(basePath, scheme, System.identityHashCode(route), chain, method);
    }
  }
}
