package io.redmetrics.jaxrs;

import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * The Prometheus scrape endpoint, {@code GET {base}/metrics} by default, registered by {@link
 * RedMetricsFeature}.
 *
 * <p>It writes the registry with the Prometheus client's own scrape handler: the Prometheus text
 * format by default, OpenMetrics or protobuf when the {@code Accept} header asks for them, gzip
 * when {@code Accept-Encoding} allows it, and only the families named by {@code name[]} query
 * parameters when there are any. Requests to it are not counted in the RED metrics.
 *
 * <p>It answers only at its path exactly as configured (or with one trailing slash), compared with
 * the raw request path, so that a proxy or container rule written for that path cannot be walked
 * around with {@code //metrics} or {@code /%6Detrics}. With a role configured ({@link
 * RedMetricsFeature#METRICS_ROLE}), callers without a user get 401 and callers not in the role 403,
 * with no metric data. At most {@link RedMetricsFeature#MAX_CONCURRENT_SCRAPES} scrapes run at once;
 * a further one gets 503 at once.
 *
 * <p>Its response passes through the application's response filters and writer interceptors like
 * any other, but keeps its status, body and the headers that say what the body is: filters may add
 * headers (CORS); a filter that replaces every entity, or an interceptor that compresses or
 * appends, does not change a scrape.
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

  /** The values of the scrape handler's {@code debug} parameter; it echoes any other. */
  private static final Set<String> DEBUG_FORMATS =
      Set.of("openmetrics", "text", "prometheus-protobuf");

  private final String path;
  /** Whether the path has no percent sign, so that it reads the same decoded. */
  private final boolean plainPath;
  private final String role;
  private final Semaphore scrapes;
  private final PrometheusScrapeHandler handler;
  private final RequestLifecycle lifecycle;
  private final RuntimeAdapter runtime;

  MetricsResource(Settings settings, RequestLifecycle lifecycle, RuntimeAdapter runtime) {
    this.path = settings.metricsPath;
    this.plainPath = path.indexOf('%') < 0;
    this.role = settings.metricsRole;
    this.scrapes = new Semaphore(settings.maxConcurrentScrapes);
    this.handler = new PrometheusScrapeHandler(settings.registry);
    this.lifecycle = lifecycle;
    this.runtime = runtime;
  }

  /**
   * Answers {@code GET} and {@code HEAD} requests for the metrics path with a scrape of the
   * registry; lets every other request through.
   *
   * @param request the request, before the runtime matches it to a resource
   */
  @Override
  public void filter(ContainerRequestContext request) {
    String method = request.getMethod();
    if (!(method.equals("GET") || method.equals("HEAD")) || !isMetricsPath(request)) {
      return;
    }
    RequestState state = RequestLifecycle.of(request.getProperty(RequestState.PROPERTY));
    Response answer;
    try {
      lifecycle.routes().listRoutes(runtime.rawBasePath(request.getUriInfo()));
    } catch (RuntimeException e) {
      Failures.log("the routes could not be listed", e);
    }
    try {
      answer = answer(request);
    } catch (RuntimeException | LinkageError e) {
      // Never the client's input or a stack trace back: the failure goes to the log.
      Failures.log("the metrics endpoint failed", e);
      answer = refusal(Response.Status.INTERNAL_SERVER_ERROR, "scrape failed");
    }
    if (state != null) {
      lifecycle.dismiss(state);
      state.scrape = new Answer(answer);
    }
    request.abortWith(answer);
  }

  /**
   * Restores the scrape as the endpoint wrote it, after the application's response filters: they
   * may add headers (CORS), but a filter that replaces every entity (an envelope) or its type
   * would leave a body that disagrees with its {@code Content-Type} and {@code Content-Encoding}.
   * Called by the library's last response filter, or on Jersey by its writer to the container.
   */
  static void keep(Answer scrape, ContainerResponseContext response) {
    response.setStatus(scrape.status);
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.remove(HttpHeaders.CONTENT_LENGTH);
    put(headers, HttpHeaders.CONTENT_TYPE, scrape.contentType);
    put(headers, HttpHeaders.CONTENT_ENCODING, scrape.contentEncoding);
    if (response.getEntity() != scrape.entity) {
      response.setEntity(scrape.entity);
    }
  }

  private static void put(MultivaluedMap<String, Object> headers, String name, Object value) {
    if (value == null) {
      headers.remove(name);
    } else {
      headers.putSingle(name, value);
    }
  }

  /**
   * Writes the scrape's bytes straight to the output, past the application's writer interceptors
   * (compression, appenders), which would change the body under its headers; whatever entity a
   * response filter put in its place (on Jersey, {@link #keep} runs only once the body is written).
   *
   * @return {@code false} when the endpoint answered with no scrape (a refusal)
   */
  static boolean write(Answer scrape, WriterInterceptorContext context) throws IOException {
    if (!(scrape.entity instanceof StreamingOutput)) {
      return false;
    }
    ((StreamingOutput) scrape.entity).write(context.getOutputStream());
    return true;
  }

  /**
   * What the endpoint answered, copied when it answered: the runtime's response shares its
   * headers with the application's filters.
   */
  static final class Answer {
    final int status;
    final Object entity;
    final Object contentType;
    final Object contentEncoding;

    Answer(Response response) {
      this.status = response.getStatus();
      this.entity = response.getEntity();
      this.contentType = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
      this.contentEncoding = response.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING);
    }
  }

  private Response answer(ContainerRequestContext request) {
    if (role != null) {
      SecurityContext security = request.getSecurityContext();
      if (security == null || security.getUserPrincipal() == null) {
        return refusal(Response.Status.UNAUTHORIZED, "authentication required");
      }
      if (!security.isUserInRole(role)) {
        return refusal(Response.Status.FORBIDDEN, "forbidden");
      }
    }
    List<String> debug = request.getUriInfo().getQueryParameters().get("debug");
    if (debug != null && (debug.size() != 1 || !DEBUG_FORMATS.contains(debug.get(0)))) {
      return refusal(
          Response.Status.BAD_REQUEST, "debug must be openmetrics, text or prometheus-protobuf");
    }
    if (!scrapes.tryAcquire()) {
      return refusal(Response.Status.SERVICE_UNAVAILABLE, "too many concurrent scrapes");
    }
    try {
      JaxrsHttpExchange exchange = new JaxrsHttpExchange(request);
      handler.handleRequest(exchange);
      return exchange.toResponse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      scrapes.release();
    }
  }

  /** A short fixed text: never the request's input echoed back. */
  private static Response refusal(Response.Status status, String reason) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(reason + "\n").build();
  }

  /** Whether a decoded path below the base path is the metrics path, edge slashes aside. */
  private boolean isPath(String decoded) {
    int start = decoded.startsWith("/") ? 1 : 0;
    int end = decoded.length();
    if (end > start && decoded.charAt(end - 1) == '/') {
      end--;
    }
    return end - start == path.length() && decoded.regionMatches(start, path, 0, path.length());
  }

  /** Whether a raw path ends in a slash and the metrics path, with at most one trailing slash. */
  private boolean endsInPath(String raw) {
    int end = raw.endsWith("/") ? raw.length() - 1 : raw.length();
    int start = end - path.length();
    return start > 0
        && raw.charAt(start - 1) == '/'
        && raw.regionMatches(start, path, 0, path.length());
  }

  /**
   * Whether the raw request path is the base path followed by the metrics path, with at most one
   * trailing slash: no decoding, so an encoded or doubled spelling is not the endpoint.
   */
  private boolean isMetricsPath(ContainerRequestContext request) {
    String requested;
    String base;
    try {
      // Most requests are ruled out first by what the runtime keeps: the raw path where it keeps
      // that (it must end in the metrics path), else the decoded path (a request that is not the
      // endpoint decoded is not it raw either; building the raw path costs RESTEasy a URI).
      if (runtime.keepsRawPath()) {
        requested = runtime.rawPath(request);
        if (requested == null || !endsInPath(requested)) {
          return false;
        }
      } else if (plainPath && !isPath(request.getUriInfo().getPath())) {
        return false;
      } else {
        requested = runtime.rawPath(request);
      }
      base = runtime.rawBasePath(request.getUriInfo());
    } catch (RuntimeException e) {
      // RESTEasy builds the request URI on demand and fails on a query that is no URI; such a
      // request is not a scrape, and the application answers it as it would without the library.
      return false;
    }
    if (requested == null || base == null || !requested.startsWith(base)) {
      return false;
    }
    int start = base.length();
    if (!base.endsWith("/")) {
      if (start >= requested.length() || requested.charAt(start) != '/') {
        return false;
      }
      start++;
    }
    int length = requested.length() - start;
    if (length == path.length() + 1 && requested.charAt(requested.length() - 1) == '/') {
      length--;
    }
    return length == path.length() && requested.regionMatches(start, path, 0, length);
  }
}
