package io.redmetrics.jaxrs;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.redmetrics.bench.ProductsResource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * The library's own request path, in process and without a runtime: what recording one request
 * on a matched route ({@code GET /products/{id}}) costs in the library's providers, beside a naive
 * filter pair as users write it. {@code JerseyRequestBenchmark} measures a whole request, where
 * Jersey's own allocation dominates; this isolates the library.
 *
 * <p>Variants ({@code variant}):
 *
 * <ul>
 *   <li>{@code redmetrics} (defaults: classic and native histogram) and {@code redmetrics-classic}
 *       ({@code nativeHistogram(false)}): the providers of the portable path (RESTEasy, CXF, Open
 *       Liberty: {@link PortableAdapter}), called as a runtime calls them: {@code
 *       RequestLifecycle.Start} (clock started, state in a request property), {@link
 *       MetricsResource} (the pre-matching filter every request passes; no scrape here), the
 *       {@code RouteFilter} bound to the resource method (the route's series, the in-flight gauge),
 *       {@code RequestLifecycle.End} as response filter, and with an entity ({@code entity=true})
 *       as writer interceptor around the entity's write, which then records the request; without
 *       ({@code entity=false}) the response filter records it. The providers are the ones {@link
 *       RedMetricsFeature#configure} registers and {@link RouteBinder} binds at deployment, run
 *       against a {@link FakeDeployment} that keeps them, so this follows the code as it changes
 *       (and fails when the feature registers a provider it does not run).
 *   <li>{@code naive}, the baseline: a request filter putting the start time in a request property
 *       and a response filter calling {@code labelValues(method, template,
 *       Integer.toString(status))} on a counter and a classic histogram (the library's buckets, no
 *       exemplars as in the library, a registry of its own) on every request, the template known
 *       as a {@code DynamicFeature} would bind it from the {@code ResourceInfo}. With an entity,
 *       the runtime writes it after the response filter, with no interceptor.
 *   <li>{@code metrics-only} and {@code metrics-only-classic}: the route's bound series alone
 *       ({@link RouteSeries#started}, {@link RouteSeries#ended}, {@link RouteSeries#completed} with
 *       the time between two {@code System.nanoTime()}), the floor of what recording costs. The
 *       series is the one the library bound for the route on a first request. {@code entity}
 *       changes nothing here.
 * </ul>
 *
 * <p>The request is a {@link FakeExchange}: one resource matched, base and request URIs built once
 * (64 ids in the path, taken in turn), status 200, the properties cleared per request by default,
 * so that a request pays for the entries its providers put ({@code -p properties=fresh}: a new map
 * per request, as runtimes make one).
 *
 * <p>Check: after each trial the registry is scraped, and the trial fails unless the route's
 * request counter and its histogram's count equal the requests the trial ran (warm-up included),
 * and, for the library, its in-flight gauge is 0; so a fake that made the library skip recording
 * cannot pass for fast.
 *
 * <p>Run, from the repository root, after {@code mvn -B -q -Pbench -pl benchmarks -am -DskipTests
 * package}: {@code java -cp 'benchmarks/target/classes:benchmarks/target/lib/*'
 * org.openjdk.jmh.Main RequestPathBenchmark -prof gc}; bytes per request are {@code
 * gc.alloc.rate.norm}. It lives in the library's package to reach its package-private providers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class RequestPathBenchmark {

  private static final String SERVICE = "bench";
  /** The {@code path} label of the route, below the base path {@code /}. */
  private static final String TEMPLATE = "/products/{id}";
  /** Distinct ids in the request paths: a power of two. */
  private static final int IDS = 64;

  /** {@code redmetrics}, {@code redmetrics-classic}, {@code naive}, {@code metrics-only}... */
  @Param({"redmetrics", "redmetrics-classic", "naive", "metrics-only", "metrics-only-classic"})
  public String variant;

  /** Whether the response has an entity, written after the response filter. */
  @Param({"true", "false"})
  public boolean entity;

  /** {@code cleared}: one map of request properties, cleared per request; {@code fresh}: new. */
  @Param({"cleared"})
  public String properties;

  private PrometheusRegistry registry;
  private FakeExchange exchange;
  private RequestPath path;
  /** Requests run, warm-up included: what the registry must have counted. */
  private long requests;
  /** Entity bytes written before the benchmark's own requests (by the setup's, if any). */
  private long writtenInSetUp;

  /** Installs the variant's providers or series in a registry of the trial's own. */
  @Setup(Level.Trial)
  public void setUp() throws NoSuchMethodException {
    registry = new PrometheusRegistry();
    String[] paths = new String[IDS];
    String[] entities = new String[IDS];
    ProductsResource resource = new ProductsResource();
    for (int i = 0; i < IDS; i++) {
      paths[i] = "products/" + i;
      entities[i] = entity ? resource.product(Integer.toString(i)) : null;
    }
    if (!properties.equals("cleared") && !properties.equals("fresh")) {
      throw new IllegalArgumentException("properties: " + properties + ": cleared or fresh");
    }
    exchange = new FakeExchange(resource, paths, entities, properties.equals("fresh"));
    switch (variant) {
      case "redmetrics":
        path = providers(true);
        break;
      case "redmetrics-classic":
        path = providers(false);
        break;
      case "naive":
        path = naive();
        break;
      case "metrics-only":
        path = seriesOnly(providers(true));
        break;
      case "metrics-only-classic":
        path = seriesOnly(providers(false));
        break;
      default:
        throw new IllegalArgumentException("variant: " + variant);
    }
    writtenInSetUp = exchange.written();
  }

  /**
   * One request through the variant's path.
   *
   * @throws IOException never: the entity goes to a counting sink
   */
  @Benchmark
  public void request() throws IOException {
    exchange.next(requests++);
    path.handle(exchange);
  }

  /** Fails the trial unless the registry counted every request it ran. */
  @TearDown(Level.Trial)
  public void checkEveryRequestRecorded() {
    double counted = ((CounterDataPointSnapshot) point("http_requests")).getValue();
    long observed = ((HistogramDataPointSnapshot) point("http_request_duration_seconds")).getCount();
    if (counted != requests || observed != requests) {
      throw new IllegalStateException(
          variant + ": " + requests + " requests ran, but http_requests_total counted " + counted
              + " and the duration histogram " + observed);
    }
    if (!variant.equals("naive")) {
      double active = ((GaugeDataPointSnapshot) point("http_requests_active")).getValue();
      if (active != 0) {
        throw new IllegalStateException(variant + ": " + active + " requests still in flight");
      }
    }
    long written = exchange.written() - writtenInSetUp;
    boolean writes = entity && (variant.startsWith("redmetrics") || variant.equals("naive"));
    if (writes != (written > 0)) {
      throw new IllegalStateException(variant + ": " + written + " entity bytes written");
    }
  }

  /** The one data point of the route ({@code GET}, {@link #TEMPLATE}, 200) in a family. */
  private DataPointSnapshot point(String family) {
    for (MetricSnapshot snapshot : registry.scrape()) {
      if (!snapshot.getMetadata().getName().equals(family)) {
        continue;
      }
      for (DataPointSnapshot point : snapshot.getDataPoints()) {
        Labels labels = point.getLabels();
        String status = labels.get("status_code");
        if (TEMPLATE.equals(labels.get("path"))
            && "GET".equals(labels.get("method"))
            && (status == null || status.equals("200"))) {
          return point;
        }
      }
      throw new IllegalStateException(variant + ": no series of GET " + TEMPLATE + " in " + family);
    }
    throw new IllegalStateException(variant + ": no " + family + " in the registry");
  }

  /**
   * The library's providers, taken from what its feature registered and what its route binder
   * bound for the resource method.
   */
  private Providers providers(boolean nativeHistogram) throws NoSuchMethodException {
    RedMetricsFeature feature =
        RedMetricsFeature.builder()
            .service(SERVICE)
            .registry(registry)
            .nativeHistogram(nativeHistogram)
            .build();
    FakeDeployment application = new FakeDeployment();
    if (!feature.configure(application)) {
      throw new IllegalStateException("the feature did not install");
    }
    RouteBinder binder = application.take(RouteBinder.class);
    FakeDeployment resourceMethod = new FakeDeployment();
    binder.configure(
        FakeDeployment.resourceMethod(
            ProductsResource.class, ProductsResource.class.getMethod("product", String.class)),
        resourceMethod);
    Providers providers =
        new Providers(
            application.take(RequestLifecycle.Start.class),
            application.take(MetricsResource.class),
            resourceMethod.take(RouteBinder.RouteFilter.class),
            application.take(RequestLifecycle.End.class));
    application.requireAllTaken();
    resourceMethod.requireAllTaken();
    return providers;
  }

  /** The route's series as the library bound them, by running one request through it first. */
  private RequestPath seriesOnly(Providers providers) {
    exchange.next(requests++);
    try {
      providers.handle(exchange);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    RequestState state =
        RequestLifecycle.of(exchange.request.getProperty(RequestState.PROPERTY));
    RouteSeries series = state == null ? null : state.series;
    if (series == null) {
      throw new IllegalStateException("the first request bound no series");
    }
    return new SeriesOnly(series);
  }

  /** The naive pair on a counter and a classic histogram of the library's names and buckets. */
  private RequestPath naive() {
    double[] buckets =
        RedMetricsFeature.builder().build().settings(new FakeDeployment().getConfiguration())
            .buckets;
    Counter requests =
        Counter.builder()
            .name("http_requests_total")
            .help("HTTP requests completed.")
            .labelNames("method", "path", "status_code")
            .withoutExemplars()
            .register(registry);
    Histogram duration =
        Histogram.builder()
            .name("http_request_duration_seconds")
            .help("HTTP request duration.")
            .labelNames("method", "path", "status_code")
            .classicUpperBounds(buckets)
            .classicOnly()
            .withoutExemplars()
            .register(registry);
    return new Naive(new NaiveStart(), new NaiveEnd(requests, duration, TEMPLATE));
  }

  /** What a runtime calls for one request. */
  private interface RequestPath {
    void handle(FakeExchange exchange) throws IOException;
  }

  /** The library's providers, in the order a runtime calls them. */
  private static final class Providers implements RequestPath {
    private final ContainerRequestFilter start;
    private final ContainerRequestFilter endpoint;
    private final ContainerRequestFilter route;
    private final RequestLifecycle.End end;

    Providers(
        ContainerRequestFilter start,
        ContainerRequestFilter endpoint,
        ContainerRequestFilter route,
        RequestLifecycle.End end) {
      this.start = start;
      this.endpoint = endpoint;
      this.route = route;
      this.end = end;
    }

    @Override
    public void handle(FakeExchange exchange) throws IOException {
      ContainerRequestContext request = exchange.request;
      start.filter(request); // pre-matching, first
      endpoint.filter(request); // pre-matching, last
      route.filter(request); // post-matching, bound to the resource method
      // (the resource method runs here)
      end.filter(request, exchange.response);
      if (exchange.response.hasEntity()) {
        end.aroundWriteTo(exchange.writer);
      }
    }
  }

  /** The naive filter pair; the runtime writes the entity after it. */
  private static final class Naive implements RequestPath {
    private final ContainerRequestFilter start;
    private final ContainerResponseFilter end;

    Naive(ContainerRequestFilter start, ContainerResponseFilter end) {
      this.start = start;
      this.end = end;
    }

    @Override
    public void handle(FakeExchange exchange) throws IOException {
      start.filter(exchange.request);
      end.filter(exchange.request, exchange.response);
      if (exchange.response.hasEntity()) {
        exchange.writer.proceed();
      }
    }
  }

  /** The bound series alone, timed as the library times a request. */
  private static final class SeriesOnly implements RequestPath {
    private final RouteSeries series;

    SeriesOnly(RouteSeries series) {
      this.series = series;
    }

    @Override
    public void handle(FakeExchange exchange) {
      long start = System.nanoTime();
      series.started();
      series.ended();
      series.completed(200, (System.nanoTime() - start) / 1e9);
    }
  }

  /** A naive request filter: the start time, boxed, in a request property. */
  private static final class NaiveStart implements ContainerRequestFilter {
    static final String START = "naive.start";

    @Override
    public void filter(ContainerRequestContext request) {
      request.setProperty(START, System.nanoTime());
    }
  }

  /** A naive response filter: the label values looked up on every request. */
  private static final class NaiveEnd implements ContainerResponseFilter {
    private final Counter requests;
    private final Histogram duration;
    private final String template;

    NaiveEnd(Counter requests, Histogram duration, String template) {
      this.requests = requests;
      this.duration = duration;
      this.template = template;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      Object start = request.getProperty(NaiveStart.START);
      if (start == null) {
        return;
      }
      String method = request.getMethod();
      String status = Integer.toString(response.getStatus());
      requests.labelValues(method, template, status).inc();
      duration
          .labelValues(method, template, status)
          .observe((System.nanoTime() - (Long) start) / 1e9);
    }
  }
}
