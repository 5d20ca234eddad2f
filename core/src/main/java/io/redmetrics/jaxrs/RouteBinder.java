package io.redmetrics.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Binds every resource method to its route at deployment: computes the template from the
 * annotations once, and registers for that method a filter holding the resulting {@link
 * MatchedRoute}, so that requests only read fields.
 */
final class RouteBinder implements DynamicFeature {

  private final Routes routes;

  RouteBinder(Routes routes) {
    this.routes = routes;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    Class<?> resourceClass = resourceInfo.getResourceClass();
    Method method = resourceInfo.getResourceMethod();
    if (resourceClass == null || method == null) {
      return;
    }
    List<String> httpMethods = ResourceAnnotations.httpMethods(method);
    if (httpMethods.isEmpty()) {
      return; // a sub-resource locator: the resource method it leads to is bound on its own
    }
    httpMethods.forEach(routes::declareMethod);
    String classPath = ResourceAnnotations.classPath(resourceClass);
    String template = RouteTemplate.join(classPath, ResourceAnnotations.methodPath(method));
    MatchedRoute route = new MatchedRoute(routes, template, classPath == null);
    context.register(new RouteFilter(route));
  }

  /**
   * Enters the request into its route; bound to one resource method. It runs first among
   * post-matching filters, so that a request aborted by another filter (an authorization check,
   * say) is still recorded under its route.
   */
  @Priority(Priorities.FIRST)
  static final class RouteFilter implements ContainerRequestFilter {
    private final MatchedRoute route;

    RouteFilter(MatchedRoute route) {
      this.route = route;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      InFlightRequest inFlight = InFlightRequest.of(request);
      if (inFlight != null && !inFlight.isRouted()) {
        inFlight.enter(route.series(request, inFlight.method()));
      }
    }
  }
}
