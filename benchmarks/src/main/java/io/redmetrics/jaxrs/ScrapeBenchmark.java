package io.redmetrics.jaxrs;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.security.Principal;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A scrape of many series: {@code GET /metrics} answered by the library's endpoint on Jersey, in
 * process ({@link #endpoint}), next to the Prometheus client's own writer called directly on the
 * same registry ({@link #writer}): the floor for this output. The series are bound as the library
 * binds them ({@link RouteSeries}), {@code series} of them: routes x 2 methods x 5 status codes
 * (200, 201, 404, 500, 503), each with one request recorded. With {@code -prof gc}: bytes allocated
 * per scrape. The setup prints the size of the endpoint's and the writer's body, and roughly the
 * heap the series take.
 *
 * <p>It lives in the library's package to bind series exactly as requests do, without a request
 * per series. Run: {@code java -cp 'benchmarks/target/classes:benchmarks/target/lib/*'
 * org.openjdk.jmh.Main ScrapeBenchmark -prof gc} (see benchmarks/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ScrapeBenchmark {

  private static final int[] STATUSES = {200, 201, 404, 500, 503};
  private static final String[] METHODS = {"GET", "POST"};
  private static final URI BASE = URI.create("http://127.0.0.1:8080/");
  private static final URI METRICS = BASE.resolve("metrics");

  /** Series: (method, path, status) label sets; routes = series / 10. */
  @Param({"1000", "10000", "100000"})
  public int series;

  /** {@code text}, {@code openmetrics}, {@code protobuf}, or {@code text-gzip}. */
  @Param({"text", "openmetrics", "protobuf", "text-gzip"})
  public String format;

  /** Whether the duration histogram keeps a native histogram (the default) or classic only. */
  @Param({"true", "false"})
  public boolean nativeHistogram;

  private PrometheusRegistry registry;
  private ApplicationHandler handler;
  private ExpositionFormatWriter writer;
  private String accept;

  /** Binds the series, then builds the application serving them. */
  @Setup(Level.Trial)
  public void setUp() {
    long heapBefore = usedHeap();
    registry = new PrometheusRegistry();
    RedMetricsFeature feature =
        RedMetricsFeature.builder()
            .service("bench")
            .registry(registry)
            .nativeHistogram(nativeHistogram)
            .build();
    Settings settings = feature.settings(new ResourceConfig());
    RedMetrics metrics = RedMetrics.in(settings);
    for (int route = 0; route < series / (METHODS.length * STATUSES.length); route++) {
      for (String method : METHODS) {
        RouteSeries bound =
            new RouteSeries(metrics, method, "/api/resource" + route + "/{id}", "http", "bench");
        bound.started();
        bound.ended();
        for (int status : STATUSES) {
          bound.completed(status, 0.001 * (1 + route % 97));
        }
      }
    }
    long heapAfter = usedHeap();
    System.out.printf(
        "%n# heap after binding %d series (nativeHistogram=%s): about %d B per series%n",
        series, nativeHistogram, (heapAfter - heapBefore) / series);
    ResourceConfig app = new ResourceConfig().register(feature);
    handler = new ApplicationHandler(app);
    accept =
        format.equals("openmetrics")
            ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
            : format.equals("protobuf")
                ? "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
                    + " encoding=delimited"
                : "text/plain";
    writer = ExpositionFormats.init().findWriter(accept);
    try {
      System.out.printf(
          "# body: endpoint %d B, writer %d B%n", endpoint(), writer());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * One scrape through the endpoint, as Prometheus sends it.
   *
   * @return the size of the body
   */
  @Benchmark
  public long endpoint() {
    Counting out = new Counting();
    ContainerRequest request =
        new ContainerRequest(
            BASE, METRICS, "GET", Anonymous.INSTANCE, new MapPropertiesDelegate(), null);
    request.header("Accept", accept);
    if (format.endsWith("gzip")) {
      request.header("Accept-Encoding", "gzip");
    }
    request.setEntityStream(new ByteArrayInputStream(new byte[0]));
    Writer answer = new Writer(out);
    request.setWriter(answer);
    handler.handle(request);
    if (answer.status != 200) {
      throw new IllegalStateException("scrape: status " + answer.status);
    }
    return out.count;
  }

  /**
   * The floor: the Prometheus client's writer on a snapshot of the registry, gzip when asked.
   *
   * @return the size of the body
   * @throws IOException never: the output is counted, not kept
   */
  @Benchmark
  public long writer() throws IOException {
    Counting out = new Counting();
    if (format.endsWith("gzip")) {
      try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
        writer.write(gzip, registry.scrape());
      }
    } else {
      writer.write(out, registry.scrape());
    }
    return out.count;
  }

  /** Counts what is written, keeps nothing. */
  private static final class Counting extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** The container's side: the body goes to a counting stream. */
  private static final class Writer implements ContainerResponseWriter {
    private final OutputStream out;
    int status;

    Writer(OutputStream out) {
      this.out = out;
    }

    @Override
    public OutputStream writeResponseStatusAndHeaders(long length, ContainerResponse response) {
      status = response.getStatus();
      return out;
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

  /** An anonymous plain-HTTP request. */
  private static final class Anonymous implements SecurityContext {
    static final Anonymous INSTANCE = new Anonymous();

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
