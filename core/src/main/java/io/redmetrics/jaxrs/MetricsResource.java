package io.redmetrics.jaxrs;

import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;

/**
 * The Prometheus scrape endpoint, {@code GET {base}/metrics} by default, registered by {@link
 * RedMetricsFeature}.
 *
 * <p>It writes the registry with the Prometheus client's own scrape handler: the Prometheus text
 * format by default, OpenMetrics or protobuf when the {@code Accept} header asks for them, gzip
 * when {@code Accept-Encoding} allows it, and only the families named by {@code name[]} query
 * parameters when there are any. Requests to it are not counted in the RED metrics.
 *
 * <p>It answers from a pre-matching request filter rather than a {@code @Path} resource, so that
 * its path can be configured ({@link RedMetricsFeature.Builder#metricsPath(String)}) and so that it
 * works on every runtime, including those that ignore resources registered from a feature. Filters
 * of the application with a lower priority, such as pre-matching authentication, run before it;
 * post-matching filters do not see scrapes.
 */
@PreMatching
@Priority(Priorities.LAST) // after the application's own pre-matching filters (authentication)
public final class MetricsResource implements ContainerRequestFilter {

  private final String path;
  private final PrometheusScrapeHandler handler;
  private final RequestLifecycle lifecycle;

  MetricsResource(PrometheusRegistry registry, String path, RequestLifecycle lifecycle) {
    this.path = path;
    this.handler = new PrometheusScrapeHandler(registry);
    this.lifecycle = lifecycle;
  }

  /**
   * Answers {@code GET} and {@code HEAD} requests for the metrics path with a scrape of the
   * registry; lets every other request through.
   *
   * @param request the request, before the runtime matches it to a resource
   * @throws IOException when the registry cannot be written
   */
  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String method = request.getMethod();
    if (!(method.equals("GET") || method.equals("HEAD")) || !isMetricsPath(request)) {
      return;
    }
    RequestState state = RequestLifecycle.of(request.getProperty(RequestState.PROPERTY));
    if (state != null) {
      lifecycle.dismiss(state);
    }
    JaxrsHttpExchange exchange = new JaxrsHttpExchange(request);
    handler.handleRequest(exchange);
    request.abortWith(exchange.toResponse());
  }

  /** Compares the path below the base URI with the metrics path, ignoring edge slashes. */
  private boolean isMetricsPath(ContainerRequestContext request) {
    String requested = request.getUriInfo().getPath();
    int start = requested.startsWith("/") ? 1 : 0;
    int end = requested.length();
    if (end > start && requested.charAt(end - 1) == '/') {
      end--;
    }
    return end - start == path.length() && requested.regionMatches(start, path, 0, path.length());
  }
}
