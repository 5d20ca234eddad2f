package io.redmetrics.bench;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request through the benchmark application on Jersey, in process: what a container does
 * (a {@link ContainerRequest} handed to {@link ApplicationHandler#handle}, answered through a
 * {@link ContainerResponseWriter}), without sockets or a container. With {@code -prof gc}, the
 * bytes a variant allocates per request ({@code gc.alloc.rate.norm}) minus those of {@code bare}
 * are what its instrumentation adds to Jersey's own; run.sh measures the same over HTTP.
 *
 * <p>The variants {@code stage-*} are the bare application with one provider that does nothing,
 * to tell what Jersey itself allocates for a stage of providers: {@code stage-pre-matching} (a
 * pre-matching request filter), {@code stage-property} (the same, setting a request property),
 * {@code stage-post-matching} (a request filter bound to each resource method, as the library
 * binds its route filter), {@code stage-response} (a response filter), {@code stage-interceptor}
 * (a writer interceptor). Select them with {@code -p variant=...}.
 *
 * <p>{@code -p traced=true} runs every request inside a sampled OpenTelemetry span (the SDK, one
 * span made current around each request, as an agent or a tracing filter would have it), so that
 * {@code redmetrics-exemplars} against {@code redmetrics}, both traced, is what exemplars cost
 * per request; untraced, what the span lookup costs where no tracing is active.
 *
 * <p>Run: {@code java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.openjdk.jmh.Main
 * JerseyRequestBenchmark -prof gc} (see benchmarks/README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JerseyRequestBenchmark {

  private static final URI BASE = URI.create("http://127.0.0.1:8080/");
  /** As run.sh's load: ids that change, so that nothing can key on the raw path. */
  private static final int IDS = 64;

  /** A variant of {@link Variant}: {@code bare}, {@code redmetrics}, {@code micrometer}... */
  @Param({"bare", "redmetrics", "redmetrics-classic", "micrometer"})
  public String variant;

  /** {@code products}: one template; {@code lines}: a template through a sub-resource locator. */
  @Param({"products", "lines"})
  public String route;

  /** Whether a sampled OpenTelemetry span is current while the request is handled. */
  @Param({"false"})
  public boolean traced;

  private SdkTracerProvider tracing;
  private Span span;

  private ApplicationHandler handler;
  private URI[] uris;
  private int next;
  private final Writer writer = new Writer();

  /** Builds the application of the variant and the request URIs. */
  @Setup(Level.Trial)
  public void setUp() {
    handler = new ApplicationHandler(application(variant));
    if (traced) {
      // Without a span processor the SDK hands out tracers whose spans are not sampled.
      tracing =
          SdkTracerProvider.builder()
              .addSpanProcessor(SimpleSpanProcessor.create(SpanExporter.composite()))
              .build();
      span = tracing.get("bench").spanBuilder("GET").startSpan();
    }
    uris = new URI[IDS];
    for (int i = 0; i < IDS; i++) {
      String path = route.equals("products") ? "products/" + i : "orders/" + i + "/lines/" + i % 7;
      uris[i] = BASE.resolve(path);
    }
  }

  /**
   * Ends the span and the tracer provider of a traced trial; with exemplars, first checks that the
   * trial's trace is in the OpenMetrics scrape, so that the figure is of exemplars taken.
   */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (tracing == null) {
      return;
    }
    if (variant.equals("redmetrics-exemplars")) {
      String traceId = span.getSpanContext().getTraceId();
      String scrape = openMetricsScrape();
      if (!scrape.contains("trace_id=\"" + traceId + "\"")) {
        throw new IllegalStateException("no exemplar of trace " + traceId + " in:\n" + scrape);
      }
    }
    span.end();
    tracing.close();
  }

  private String openMetricsScrape() {
    ContainerRequest request =
        new ContainerRequest(
            BASE, BASE.resolve("metrics"), "GET", Security.INSTANCE, new MapPropertiesDelegate(),
            null);
    request.header("Accept", "application/openmetrics-text; version=1.0.0");
    request.setEntityStream(new ByteArrayInputStream(new byte[0]));
    request.setWriter(writer);
    writer.body = new ByteArrayOutputStream();
    handler.handle(request);
    String body = writer.body.toString(StandardCharsets.UTF_8);
    writer.body = null;
    return body;
  }

  /**
   * Handles one {@code GET}, inside the trial's span when traced.
   *
   * @return the status written, so that nothing is optimised away
   */
  @Benchmark
  public int request() {
    if (span == null) {
      return handle();
    }
    try (io.opentelemetry.context.Scope scope = span.makeCurrent()) {
      return handle();
    }
  }

  private int handle() {
    URI uri = uris[next++ & (IDS - 1)];
    ContainerRequest request =
        new ContainerRequest(BASE, uri, "GET", Security.INSTANCE, new MapPropertiesDelegate(), null);
    request.setEntityStream(new ByteArrayInputStream(new byte[0]));
    request.setWriter(writer);
    writer.status = 0;
    handler.handle(request);
    if (writer.status != 200) {
      throw new IllegalStateException(uri + ": status " + writer.status);
    }
    return writer.status;
  }

  private static ResourceConfig application(String variant) {
    if (!variant.startsWith("stage-")) {
      return Variant.named(variant).application();
    }
    ResourceConfig config = BenchApplication.create();
    switch (variant) {
      case "stage-pre-matching":
        return config.register(new PreMatchingStage(false));
      case "stage-property":
        return config.register(new PreMatchingStage(true));
      case "stage-post-matching":
        return config.register(new PostMatchingStage());
      case "stage-response":
        return config.register(new ResponseStage());
      case "stage-interceptor":
        return config.register(new InterceptorStage());
      default:
        throw new IllegalArgumentException("unknown variant " + variant);
    }
  }

  /** A pre-matching filter doing nothing, or only setting a request property. */
  @PreMatching
  @Priority(1)
  private static final class PreMatchingStage implements ContainerRequestFilter {
    private final boolean property;

    PreMatchingStage(boolean property) {
      this.property = property;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (property) {
        request.setProperty("stage", Boolean.TRUE);
      }
    }
  }

  /** Binds a filter doing nothing to every resource method. */
  private static final class PostMatchingStage implements DynamicFeature {
    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
      context.register(new Nothing());
    }
  }

  /** A post-matching filter doing nothing. */
  @Priority(1)
  private static final class Nothing implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {}
  }

  /** A response filter doing nothing. */
  @Priority(1)
  private static final class ResponseStage implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {}
  }

  /** A writer interceptor doing nothing but proceed. */
  @Priority(1)
  private static final class InterceptorStage implements WriterInterceptor {
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
      context.proceed();
    }
  }

  /** The container's side: takes the response, writes its entity nowhere or to {@link #body}. */
  private static final class Writer implements ContainerResponseWriter {
    int status;
    /** Where the entity goes when it is to be read; {@code null}: nowhere. */
    ByteArrayOutputStream body;

    @Override
    public OutputStream writeResponseStatusAndHeaders(long length, ContainerResponse response) {
      status = response.getStatus();
      return body != null ? body : OutputStream.nullOutputStream();
    }

    @Override
    public boolean suspend(long timeOut, TimeUnit unit, TimeoutHandler handler) {
      return true;
    }

    @Override
    public void setSuspendTimeout(long timeOut, TimeUnit unit) {}

    @Override
    public void commit() {}

    @Override
    public void failure(Throwable error) {
      status = -1;
    }

    @Override
    public boolean enableResponseBuffering() {
      return false;
    }
  }

  /** An anonymous plain-HTTP request, as Grizzly's container reports it. */
  private static final class Security implements SecurityContext {
    static final Security INSTANCE = new Security();

    @Override
    public Principal getUserPrincipal() {
      return null;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return false;
    }

    @Override
    public String getAuthenticationScheme() {
      return null;
    }
  }
}
