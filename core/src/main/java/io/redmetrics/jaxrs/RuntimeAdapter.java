package io.redmetrics.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * What one Jakarta REST runtime adds to the portable path: the hooks that start the clock and see
 * the end of requests that response filters miss, and what the runtime matched beyond the
 * portable {@code ResourceInfo} (which knows only the last class and method): the chain of
 * sub-resource locators that led to a resource method, and how far a request that entered no
 * route got. One implementation per runtime; {@link #detect} picks it, and loads a runtime's
 * classes only when that runtime runs the application, so the library works unchanged on a
 * runtime it has never seen.
 */
interface RuntimeAdapter {

  /** Picks the adapter of the runtime that runs the application, from its configuration class. */
  static RuntimeAdapter detect(FeatureContext context) {
    String runtime = context.getConfiguration().getClass().getName();
    if (runtime.startsWith("org.glassfish.jersey.")) {
      return new JerseyAdapter();
    }
    if (runtime.startsWith("org.apache.cxf.")) {
      return new CxfAdapter();
    }
    return runtime.startsWith("org.jboss.resteasy.") && UndertowAdapter.isVisible()
        ? new UndertowAdapter()
        : new PortableAdapter();
  }

  /**
   * Registers what starts the clock of each request (the runtime's earliest hook, or the portable
   * pre-matching filter), and the runtime's hooks that end requests response filters never see.
   */
  void install(FeatureContext context, RequestLifecycle lifecycle);

  /**
   * Whether the runtime's own hook (installed by {@link #install}) sees the final status and the
   * end of every request, so that the portable response filter of {@link RequestLifecycle.End} is
   * not needed: a runtime runs a whole stage of providers per request for one response filter. The
   * writer interceptor is needed everywhere, to see an entity end or fail once its status line is
   * out ({@link RequestState#entityEnded}). By default no.
   */
  default boolean seesEveryEnd() {
    return false;
  }

  /**
   * Runs {@code stop} when the application stops, where the runtime tells its providers. By
   * default never: a runtime that says nothing keeps what {@code stop} would end until the JVM
   * exits.
   */
  default void onStop(FeatureContext context, Runnable stop) {}

  /**
   * Returns a key for the chain of sub-resource locators that led the request to its resource
   * method, equal for requests that took the same chain; {@code null} when it took none. Called
   * when {@link #tookChain} says no, so it may allocate.
   */
  Object locatorChain(ContainerRequestContext request);

  /**
   * Whether the request took {@code chain} (a key from {@link #locatorChain}, {@code null} for
   * none). Called on every request on a route: it must not allocate.
   */
  boolean tookChain(ContainerRequestContext request, Object chain);

  /**
   * Returns a key for how far a request that entered no route was matched: an {@code OPTIONS}
   * request the runtime answered for a resource, a sub-resource locator that threw; {@code null}
   * when it matched nothing.
   */
  Object matchedSoFar(UriInfo uriInfo);

  /**
   * Returns the whole template, below the base path, of a key from {@link #locatorChain} or
   * {@link #matchedSoFar}. Called once per distinct key.
   *
   * @param ownPath the {@code @Path} of the resource method the chain led to; {@code null} when
   *     the key is from {@link #matchedSoFar} or the method has none
   */
  String template(Object chain, String ownPath);

  /**
   * Whether {@code resourceClass} is the runtime's own, added to every application rather than
   * declared by it: its routes are not listed in {@code http_route_info}. By default none.
   */
  default boolean ownsResource(Class<?> resourceClass) {
    return false;
  }

  /**
   * Returns the raw path of the request's base URI. Called on every request on a route: a runtime
   * whose {@code getBaseUri()} builds a URI on each call answers from what it keeps per request
   * ({@link BasePathMemo}).
   */
  default String rawBasePath(UriInfo uriInfo) {
    return uriInfo.getBaseUri().getRawPath();
  }

  /**
   * Returns the path of the request exactly as the client sent it, not decoded or normalised, for
   * the metrics endpoint to compare with its own path.
   */
  default String rawPath(ContainerRequestContext request) {
    return request.getUriInfo().getRequestUri().getRawPath();
  }

  /**
   * Whether {@link #rawPath} reads what the runtime already keeps, allocating nothing: then the
   * metrics endpoint tests every {@code GET} on it rather than on the decoded path. By default
   * no: RESTEasy builds the request URI on demand.
   */
  default boolean keepsRawPath() {
    return false;
  }
}
