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
 * {@code name[]} filter. The handler runs while the endpoint's request filter answers, before the
 * runtime has an output stream; its body is handed back as a {@link Response} whose entity writes
 * it, held without a copy of its own where the handler buffered it already ({@link Body}).
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
      builder.entity((StreamingOutput) response.body::writeTo);
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
    private Body body = new Body(0);
    private int status = 200;

    @Override
    public void setHeader(String name, String value) {
      headers.put(name, value);
    }

    @Override
    public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
      this.status = statusCode;
      this.body = new Body(contentLength);
      return body;
    }
  }

  /**
   * The scrape's body until the runtime writes it. An uncompressed scrape the handler has
   * buffered whole already, to announce its length, and hands over in one write of exactly that
   * length: that array is kept as it is, not copied (a scrape of 10,000 series is about 23 MB of
   * text). That is safe because the handler's buffer is its own for that one scrape and dropped
   * when it returns (client 1.10), so nothing writes to it afterwards; a whole body is never a
   * buffer being refilled. Anything else, such as gzip's many small writes from a reused buffer,
   * is copied.
   */
  private static final class Body extends OutputStream {
    private final int announcedLength;
    /** The handler's whole body, kept by reference; {@code null} once copying. */
    private byte[] whole;
    private int offset;
    private int length;
    private ByteArrayOutputStream copy;

    /** @param announcedLength the length the handler announced, 0 or less when unknown */
    Body(int announcedLength) {
      this.announcedLength = announcedLength;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      if (whole == null && copy == null && announcedLength > 0 && length == announcedLength) {
        this.whole = bytes;
        this.offset = offset;
        this.length = length;
      } else {
        copying().write(bytes, offset, length);
      }
    }

    @Override
    public void write(int b) {
      copying().write(b);
    }

    private ByteArrayOutputStream copying() {
      if (copy == null) {
        copy = new ByteArrayOutputStream();
        if (whole != null) {
          copy.write(whole, offset, length);
          whole = null;
        }
      }
      return copy;
    }

    /** Writes the body to the runtime's output stream. */
    void writeTo(OutputStream output) throws IOException {
      if (whole != null) {
        output.write(whole, offset, length);
      } else if (copy != null) {
        copy.writeTo(output);
      }
    }
  }
}
