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
 * Binds every resource method to its route at deployment: reads its template and request methods
 * from the annotations once, and registers for that method a filter holding the resulting {@link
 * RouteResolver.Route}, so that requests only read fields.
 */
final class RouteBinder implements DynamicFeature {

  private final RequestLifecycle lifecycle;

  RouteBinder(RequestLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    Class<?> resourceClass = resourceInfo.getResourceClass();
    Method method = resourceInfo.getResourceMethod();
    if (resourceClass == null || method == null) {
      return;
    }
    List<String> designators = ResourceAnnotations.httpMethods(method);
    if (designators.isEmpty()) {
      return; // a sub-resource locator: the resource method it leads to is bound on its own
    }
    String classPath = ResourceAnnotations.classPath(resourceClass);
    String ownPath = ResourceAnnotations.methodPath(method);
    String template = RouteTemplate.join(classPath, ownPath);
    // A class without @Path is reached only through locators (Open Liberty binds its methods
    // too): its template is not a route, the chain a request takes is, listed once taken.
    boolean root = classPath != null;
    RouteResolver.Route route = lifecycle.routes().route(template, ownPath, designators, root);
    context.register(new RouteFilter(lifecycle, route));
  }

  /**
   * Enters the request into its route; bound to one resource method. It runs first among
   * post-matching filters, so that a request aborted by another filter (an authorization check,
   * say) is still recorded under its route.
   */
  @Priority(Priorities.FIRST)
  static final class RouteFilter implements ContainerRequestFilter {
    private final RequestLifecycle lifecycle;
    private final RouteResolver.Route route;

    RouteFilter(RequestLifecycle lifecycle, RouteResolver.Route route) {
      this.lifecycle = lifecycle;
      this.route = route;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      RequestState state = RequestLifecycle.of(request.getProperty(RequestState.PROPERTY));
      if (state != null && state.finished == 0) {
        lifecycle.enter(state, route, request);
      }
    }
  }
}
