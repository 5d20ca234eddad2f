package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RunningApp;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exemplars ({@code redmetrics.exemplars}): with OpenTelemetry tracing active, the duration
 * histogram's bucket keeps the trace id of a request that fell in it, in the OpenMetrics scrape.
 */
class ExemplarsTest {

  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0";

  private final ConformanceRuntime runtime = ConformanceRuntime.current();
  private final SdkTracerProvider tracing =
      SdkTracerProvider.builder().addSpanProcessor(new Exporting()).build();

  @BeforeEach
  void startsApplications() {
    runtime.assumeStartsApplications();
  }

  @AfterEach
  void stopTracing() {
    tracing.close();
  }

  @Test
  void a_traced_request_leaves_its_trace_id_in_its_bucket() {
    try (RunningApp app = start(true)) {
      Http http = new Http(app);
      HttpResponse<byte[]> response = http.get("products/1");
      assertEquals(200, response.statusCode());
      String traceId = response.headers().firstValue(Tracing.TRACE_ID).orElseThrow();

      String scrape = openMetrics(http);
      String bucket =
          scrape
              .lines()
              .filter(line -> line.startsWith("http_request_duration_seconds_bucket{"))
              .filter(line -> line.contains("path=\"/products/{id}\""))
              .filter(line -> line.contains(" # {"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no exemplar:\n" + scrape));
      assertTrue(bucket.contains("trace_id=\"" + traceId + "\""), bucket);
    }
  }

  @Test
  void without_the_setting_there_are_no_exemplars() {
    try (RunningApp app = start(false)) {
      Http http = new Http(app);
      assertEquals(200, http.status("products/1"));

      String scrape = openMetrics(http);
      assertTrue(scrape.contains("path=\"/products/{id}\""), scrape);
      assertFalse(scrape.contains("trace_id"), scrape);
    }
  }

  private RunningApp start(boolean exemplars) {
    return runtime.start(
        ShopApp.with(
                ShopApp.defaultFeature()
                    .registry(new PrometheusRegistry())
                    .exemplars(exemplars)
                    .build())
            .and(new Tracing(tracing.get("redmetrics-test"))));
  }

  private static String openMetrics(Http http) {
    HttpResponse<byte[]> scrape = http.get("metrics", "Accept", OPENMETRICS);
    assertEquals(200, scrape.statusCode());
    return new String(scrape.body(), StandardCharsets.UTF_8);
  }

  /**
   * Traces every request as an instrumented server would: a span current on the request's thread
   * from the first filter on, its trace id sent back in a header. The scope is left open on
   * purpose: the library records the request after the last filter, where the Java agent's span
   * is still current; the next request on the thread replaces it.
   */
  @PreMatching
  @Priority(1)
  static final class Tracing implements ContainerRequestFilter, ContainerResponseFilter {
    static final String TRACE_ID = "X-Trace-Id";
    private final Tracer tracer;

    Tracing(Tracer tracer) {
      this.tracer = tracer;
    }

    @Override
    @SuppressWarnings("MustBeClosedChecker") // see the class comment
    public void filter(ContainerRequestContext request) {
      Span span = tracer.spanBuilder(request.getMethod()).startSpan();
      span.makeCurrent();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      response.getHeaders().putSingle(TRACE_ID, Span.current().getSpanContext().getTraceId());
    }
  }

  /**
   * Stands for an exporter: without a span processor the SDK hands out no-op tracers, whose spans
   * carry no trace id.
   */
  static final class Exporting implements SpanProcessor {
    @Override
    public void onStart(Context parent, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
