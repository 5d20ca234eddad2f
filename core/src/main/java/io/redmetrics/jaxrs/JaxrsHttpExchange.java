package io.redmetrics.jaxrs;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adapts one Jakarta REST request to the Prometheus client's {@link PrometheusHttpExchange}, so
 * that the client's own {@code PrometheusScrapeHandler} does content negotiation, gzip and the
 * {@code name[]} filter. The body is buffered once and handed back as a {@link Response} whose
 * entity writes that buffer.
 */
final class JaxrsHttpExchange implements PrometheusHttpExchange {

  private final Request request;
  private final BufferedResponse response = new BufferedResponse();

  JaxrsHttpExchange(ContainerRequestContext context) {
    this.request = new Request(context);
  }

  @Override
  public PrometheusHttpRequest getRequest() {
    return request;
  }

  @Override
  public PrometheusHttpResponse getResponse() {
    return response;
  }

  @Override
  public void handleException(IOException e) throws IOException {
    throw e;
  }

  @Override
  public void handleException(RuntimeException e) {
    throw e;
  }

  @Override
  public void close() {
    // Nothing to release: the body is in memory until toResponse() hands it over.
  }

  /** The response the scrape handler wrote. */
  Response toResponse() {
    Response.ResponseBuilder builder = Response.status(response.status);
    // The runtime computes Content-Length from the entity; a copied header could disagree.
    response.headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("Content-Length")) {
            builder.header(name, value);
          }
        });
    if (!request.getMethod().equals("HEAD")) {
      // The buffer itself, written as it is: no copy of a scrape that may be megabytes.
      ByteArrayOutputStream body = response.body;
      builder.entity((StreamingOutput) body::writeTo);
    }
    return builder.build();
  }

  private static final class Request implements PrometheusHttpRequest {
    private final ContainerRequestContext context;

    Request(ContainerRequestContext context) {
      this.context = context;
    }

    @Override
    public String getQueryString() {
      return context.getUriInfo().getRequestUri().getRawQuery();
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      List<String> values = context.getHeaders().get(name);
      return Collections.enumeration(values == null ? List.of() : values);
    }

    @Override
    public String getMethod() {
      return context.getMethod();
    }

    @Override
    public String getRequestPath() {
      return context.getUriInfo().getRequestUri().getRawPath();
    }
  }

  private static final class BufferedResponse implements PrometheusHttpResponse {
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = 200;

    @Override
    public void setHeader(String name, String value) {
      headers.put(name, value);
    }

    @Override
    public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
      this.status = statusCode;
      return body;
    }
  }
}
