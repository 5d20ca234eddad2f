package io.redmetrics.jaxrs;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import java.util.HashMap;
import java.util.Map;

/**
 * Records RED metrics (rate, errors, duration) of every request of a Jakarta REST application
 * and serves them at {@code {base}/metrics} for Prometheus.
 *
 * <p>Per request it records {@code http_requests_total}, {@code http_request_duration_seconds},
 * {@code http_errors_total} (status 400 and above) and {@code http_requests_active}, labelled with
 * {@code method}, the matched route template as {@code path} (for example {@code
 * /api/products/{id}}, never the raw URI), {@code status_code} and {@code service}.
 *
 * <p>Register it like any provider, with the defaults:
 *
 * <pre>{@code
 * new ResourceConfig(ProductsResource.class).register(RedMetricsFeature.class);
 * }</pre>
 *
 * or configured:
 *
 * <pre>{@code
 * RedMetricsFeature.builder().service("shop").exclude("/api/health").build()
 * }</pre>
 *
 * <p>Runtimes that scan for providers discover it from the jar alone. Without code, the settings
 * can be given as configuration properties ({@link #SERVICE}, {@link #SERVICE_LABEL}, {@link
 * #NAMING}, {@link #EXEMPLARS}, {@link #BUCKETS}, {@link #NATIVE_HISTOGRAM}, {@link #EXCLUDE},
 * {@link #METRICS_PATH}, {@link #METRICS_ROLE}, {@link #MAX_CONCURRENT_SCRAPES}, {@link
 * #MANAGEMENT_PORT}, {@link #MANAGEMENT_ADDRESS}), for example from {@code
 * Application#getProperties()}, in MicroProfile Config where the application has it, or as JVM
 * system properties of the same names where the runtime passes a discovered feature no
 * configuration. A value given to the builder wins over a configuration property, which wins over
 * MicroProfile Config, which wins over a system property. An invalid value fails at startup with
 * an {@link IllegalArgumentException} naming the setting.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public final class RedMetricsFeature implements Feature {

  /**
   * The {@code service} label value, telling applications that share a registry apart. Default:
   * {@value Settings#DEFAULT_SERVICE}.
   */
  public static final String SERVICE = "redmetrics.service";

  /**
   * How the metrics and their labels are named: {@code default}, this library's own ({@code
   * http_requests_total}, {@code http_request_duration_seconds}, {@code http_errors_total}, {@code
   * http_requests_active}, labelled {@code method}, {@code path}, {@code status_code}), or {@code
   * otel}, OpenTelemetry's HTTP server conventions as written to Prometheus ({@code
   * http_server_request_duration_seconds} labelled {@code http_request_method}, {@code
   * http_route}, {@code http_response_status_code}, {@code url_scheme}, and {@code
   * http_server_active_requests} by method and scheme). Default: {@code default}.
   */
  public static final String NAMING = "redmetrics.naming";

  /**
   * Whether the duration histogram keeps exemplars: with OpenTelemetry tracing active (the Java
   * agent, or the SDK with a span current while the request is recorded), a bucket keeps the
   * trace id of a request that fell in it, shown in the OpenMetrics and protobuf formats, so that
   * a dashboard can jump from a slow bucket to its trace. Costs a look at the current span per
   * request. Default: {@code false}.
   */
  public static final String EXEMPLARS = "redmetrics.exemplars";

  /**
   * The name of the label that holds {@link #SERVICE}, or empty for no such label. Default: {@code
   * service}. The Prometheus Operator adds a {@code service} label of its own (the Kubernetes
   * service) and renames the application's to {@code exported_service}: name it {@code
   * application}, say, or drop it where each application has a registry of its own.
   */
  public static final String SERVICE_LABEL = "redmetrics.service-label";

  /**
   * The upper bounds of the duration buckets in seconds, a comma-separated list of positive,
   * strictly increasing numbers ({@code +Inf} is always added). Default: {@code 0.005, 0.01, 0.025,
   * 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10}.
   */
  public static final String BUCKETS = "redmetrics.buckets";

  /**
   * Whether the duration histogram also keeps a native histogram, {@code true} or {@code false}.
   * Default: {@code true} (the Prometheus client's default). A native histogram is served only in
   * the protobuf format, to a Prometheus that asks for it; {@code false} makes a request cheaper to
   * record and a series smaller (benchmarks/README.md has the figures).
   */
  public static final String NATIVE_HISTOGRAM = "redmetrics.native-histogram";

  /**
   * Routes not to record, a comma-separated list of templates as the {@code path} label shows them
   * or below the application's base path: a template such as {@code /api/health}, a prefix such as
   * {@code /api/internal/*}, or {@code UNMATCHED}. Default: none. The metrics endpoint itself is
   * never recorded.
   */
  public static final String EXCLUDE = "redmetrics.exclude";

  /**
   * The path of the metrics endpoint below the application's base path; empty to not serve it.
   * Default: {@value Settings#DEFAULT_METRICS_PATH}.
   */
  public static final String METRICS_PATH = "redmetrics.metrics-path";

  /**
   * The role a caller must have ({@code SecurityContext#isUserInRole}) to scrape the metrics
   * endpoint: callers without a user get 401, callers not in the role 403, with no metric data.
   * Default: none, anyone may scrape.
   */
  public static final String METRICS_ROLE = "redmetrics.metrics-role";

  /**
   * How many scrapes of the metrics endpoint may run at once; a further one gets 503 at once.
   * Default: {@value Settings#DEFAULT_MAX_CONCURRENT_SCRAPES}.
   */
  public static final String MAX_CONCURRENT_SCRAPES = "redmetrics.max-concurrent-scrapes";

  /**
   * A port on which the Prometheus client's own HTTP server serves the registry at {@code
   * /metrics}, instead of the application's metrics endpoint, which is then not served. Started
   * with the application; applications asking for one port share its server, which stops with the
   * last of them where the runtime says when applications stop (Jersey, CXF). Default: none.
   */
  public static final String MANAGEMENT_PORT = "redmetrics.management-port";

  /**
   * The address the management port listens on. Default: {@value
   * Settings#DEFAULT_MANAGEMENT_ADDRESS}, loopback only; {@code 0.0.0.0} for every interface.
   */
  public static final String MANAGEMENT_ADDRESS = "redmetrics.management-address";

  /** Set on the configuration once the feature is installed, so a second one does nothing. */
  private static final String INSTALLED = RedMetricsFeature.class.getName() + ".installed";

  /** The registry given to the builder; {@code null} for the default registry. */
  private final PrometheusRegistry registry;
  /** The settings given to the builder, parsed, by property key. */
  private final Map<String, Object> chosen;

  /** Creates the feature with the defaults, or with the configuration properties where given. */
  public RedMetricsFeature() {
    this(null, Map.of());
  }

  private RedMetricsFeature(PrometheusRegistry registry, Map<String, Object> chosen) {
    this.registry = registry;
    this.chosen = chosen;
  }

  /**
   * Returns a builder for a configured feature.
   *
   * @return a builder holding no values: every setting not given falls back to its property, then
   *     to its default
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Installs the filters of this feature and, unless disabled, the metrics endpoint.
   *
   * @param context the application's configuration
   * @return {@code false} when another instance of this feature is already installed
   * @throws IllegalArgumentException when a configuration property is invalid, or the registry
   *     holds conflicting metrics
   */
  @Override
  public boolean configure(FeatureContext context) {
    if (context.getConfiguration().getProperty(INSTALLED) != null) {
      return false;
    }
    Settings settings = settings(context.getConfiguration());
    RedMetrics metrics = RedMetrics.in(settings);
    RuntimeAdapter runtime = RuntimeAdapter.detect(context);
    RequestLifecycle lifecycle =
        new RequestLifecycle(new RouteResolver(settings, metrics, runtime));

    context.property(INSTALLED, Boolean.TRUE);
    runtime.install(context, lifecycle);
    if (runtime.seesEveryEnd()) {
      context.register(new RequestLifecycle.End(lifecycle), WriterInterceptor.class);
    } else {
      context.register(new RequestLifecycle.End(lifecycle));
    }
    context.register(new RouteBinder(lifecycle));
    if (settings.managementPort != 0) {
      runtime.onStop(context, ManagementServer.start(settings));
    } else if (!settings.metricsPath.isEmpty()) {
      context.register(new MetricsResource(settings, lifecycle, runtime));
    }
    return true;
  }

  /**
   * Resolves this feature's settings against an application's configuration, and its
   * MicroProfile Config, found through the class loader deploying it.
   */
  Settings settings(Configuration configuration) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return Settings.resolve(
        chosen,
        registry,
        configuration,
        MicroProfileConfig.of(loader != null ? loader : RedMetricsFeature.class.getClassLoader()));
  }

  /**
   * Configures a {@link RedMetricsFeature}. Each setter checks its value at once and throws an
   * {@link IllegalArgumentException} naming the setting.
   */
  public static final class Builder {
    private PrometheusRegistry registry;
    private final Map<String, Object> chosen = new HashMap<>();

    private Builder() {}

    /**
     * Sets the {@code service} label value.
     *
     * @param service a non-blank name, for example {@code "shop"}
     * @return this builder
     */
    public Builder service(String service) {
      chosen.put(SERVICE, Settings.service("service", service));
      return this;
    }

    /**
     * Sets how the metrics and their labels are named.
     *
     * @param naming {@code "default"} or {@code "otel"} ({@link #NAMING})
     * @return this builder
     */
    public Builder naming(String naming) {
      chosen.put(NAMING, Settings.naming("naming", naming));
      return this;
    }

    /**
     * Sets whether the duration histogram keeps exemplars ({@link #EXEMPLARS}).
     *
     * @param exemplars {@code true} to keep the trace id of a request per bucket
     * @return this builder
     */
    public Builder exemplars(boolean exemplars) {
      chosen.put(EXEMPLARS, exemplars);
      return this;
    }

    /**
     * Sets the name of the label that holds the service.
     *
     * @param label a Prometheus label name, for example {@code "application"}; an empty string or
     *     {@code null} for no service label
     * @return this builder
     */
    public Builder serviceLabel(String label) {
      chosen.put(SERVICE_LABEL, label == null ? "" : Settings.serviceLabel("serviceLabel", label));
      return this;
    }

    /**
     * Sets the registry the metrics are registered in and scraped from.
     *
     * @param registry the registry; default {@link PrometheusRegistry#defaultRegistry}
     * @return this builder
     */
    public Builder registry(PrometheusRegistry registry) {
      if (registry == null) {
        throw new IllegalArgumentException("registry: null: must not be null");
      }
      this.registry = registry;
      return this;
    }

    /**
     * Sets the upper bounds of the duration histogram's classic buckets.
     *
     * @param upperBounds seconds, positive and strictly increasing; {@code +Inf} is added
     * @return this builder
     */
    public Builder buckets(double... upperBounds) {
      chosen.put(BUCKETS, Settings.buckets("buckets", upperBounds));
      return this;
    }

    /**
     * Sets whether the duration histogram also keeps a native histogram ({@value
     * RedMetricsFeature#NATIVE_HISTOGRAM}).
     *
     * @param enabled {@code false} for classic buckets only
     * @return this builder
     */
    public Builder nativeHistogram(boolean enabled) {
      chosen.put(NATIVE_HISTOGRAM, enabled);
      return this;
    }

    /**
     * Sets the routes not to record, as they appear in the {@code path} label or below the
     * application's base path ({@code /api/health} and {@code /health} both exclude the health
     * route of an application at {@code /api}).
     *
     * @param templates exact templates ({@code /api/health}), prefixes ending in {@code /*}
     *     ({@code /api/internal/*}) or {@code UNMATCHED}
     * @return this builder
     */
    public Builder exclude(String... templates) {
      chosen.put(EXCLUDE, Settings.exclude("exclude", templates));
      return this;
    }

    /**
     * Sets the path of the metrics endpoint below the application's base path.
     *
     * @param path for example {@code "metrics"} (the default) or {@code "internal/metrics"}; an
     *     empty string or {@code null} to not serve the endpoint at all
     * @return this builder
     */
    public Builder metricsPath(String path) {
      chosen.put(METRICS_PATH, path == null ? "" : Settings.metricsPath("metricsPath", path));
      return this;
    }

    /**
     * Sets the role a caller must have to scrape the metrics endpoint.
     *
     * @param role a role name as the application's {@code SecurityContext} knows it; an empty
     *     string or {@code null} to let anyone scrape (the default)
     * @return this builder
     */
    public Builder metricsRole(String role) {
      chosen.put(METRICS_ROLE, role == null ? "" : Settings.metricsRole("metricsRole", role));
      return this;
    }

    /**
     * Sets how many scrapes of the metrics endpoint may run at once.
     *
     * @param max at least 1; a scrape beyond it gets 503 at once
     * @return this builder
     */
    public Builder maxConcurrentScrapes(int max) {
      chosen.put(MAX_CONCURRENT_SCRAPES, Settings.maxConcurrentScrapes("maxConcurrentScrapes", max));
      return this;
    }

    /**
     * Serves the registry on a port of its own instead of the application's metrics endpoint.
     *
     * @param port from 1 to 65535
     * @return this builder
     */
    public Builder managementPort(int port) {
      chosen.put(MANAGEMENT_PORT, Settings.managementPort("managementPort", port));
      return this;
    }

    /**
     * Sets the address the management port listens on.
     *
     * @param address a host name or IP address; default {@code 127.0.0.1}
     * @return this builder
     */
    public Builder managementAddress(String address) {
      chosen.put(MANAGEMENT_ADDRESS, Settings.managementAddress("managementAddress", address));
      return this;
    }

    /**
     * Builds the feature.
     *
     * @return a feature to register with the application
     */
    public RedMetricsFeature build() {
      // Parsed values are never changed, only replaced: a copy of the map is a snapshot.
      return new RedMetricsFeature(registry, Map.copyOf(chosen));
    }
  }
}
