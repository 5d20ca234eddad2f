package io.redmetrics.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The route of one resource method, bound at deployment. It finds the {@link RouteSeries} of a
 * request from the application's base path, the request method (a {@code GET} method also answers
 * {@code HEAD}) and, for a method reached through sub-resource locators, the runtime's chain of
 * matched templates. The last binding is kept in a field, so a request usually costs a few
 * reference and string comparisons and no allocation.
 */
final class MatchedRoute {

  private final Routes routes;
  /** The template from the resource class and method annotations, below the base path. */
  private final String template;
  /** Whether a locator may have led here, so that the runtime's chain decides the template. */
  private final boolean subResource;

  private volatile Binding last;
  private final ConcurrentMap<Binding, Optional<RouteSeries>> bindings = new ConcurrentHashMap<>();

  MatchedRoute(Routes routes, String template, boolean subResource) {
    this.routes = routes;
    this.template = template;
    this.subResource = subResource;
  }

  /**
   * Returns the series of {@code request}, {@code null} when its route is excluded.
   *
   * @param method the method the client sent, which matching keeps within the route's methods
   */
  RouteSeries series(ContainerRequestContext request, String method) {
    String basePath = request.getUriInfo().getBaseUri().getRawPath();
    Object chain = subResource ? routes.templates().chain(request) : null;
    Binding binding = last;
    if (binding != null && binding.matches(basePath, method, chain)) {
      return binding.series;
    }
    return bind(new Binding(basePath, method, chain, null));
  }

  private RouteSeries bind(Binding key) {
    Optional<RouteSeries> series = bindings.get(key);
    if (series == null) {
      String matched =
          key.chain == null ? template : routes.templates().template(key.chain, template);
      series = Optional.ofNullable(routes.series(key.basePath, matched, key.method));
      Optional<RouteSeries> raced = bindings.putIfAbsent(key, series);
      series = raced == null ? series : raced;
    }
    last = new Binding(key.basePath, key.method, key.chain, series.orElse(null));
    return series.orElse(null);
  }

  /** A base path, method and chain, with the series they were bound to (not part of equality). */
  private static final class Binding {
    final String basePath;
    final String method;
    final Object chain;
    final RouteSeries series;

    Binding(String basePath, String method, Object chain, RouteSeries series) {
      this.basePath = basePath;
      this.method = method;
      this.chain = chain;
      this.series = series;
    }

    boolean matches(String basePath, String method, Object chain) {
      return this.method.equals(method)
          && this.basePath.equals(basePath)
          && Objects.equals(this.chain, chain);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Binding
          && ((Binding) other).matches(basePath, method, chain);
    }

    @Override
    public int hashCode() {
      return Objects.hash(basePath, method, chain);
    }
  }
}
