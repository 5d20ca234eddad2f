package io.redmetrics.bench;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.RedMetricsFeature;
import java.util.Arrays;
import java.util.Locale;
import org.glassfish.jersey.micrometer.server.DefaultJerseyTagsProvider;
import org.glassfish.jersey.micrometer.server.MetricsApplicationEventListener;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * What is added to the bare application. The {@code otel} variant adds nothing here: run.sh
 * starts it with the OpenTelemetry Java agent, which instruments the bare application.
 */
public enum Variant {
  /** No metrics at all: the baseline. */
  BARE,
  /** redmetrics-jaxrs with a private registry, serving {@code /metrics}. */
  REDMETRICS,
  /** As {@link #REDMETRICS}, with classic buckets only ({@code redmetrics.native-histogram=false}). */
  REDMETRICS_CLASSIC,
  /**
   * As {@link #REDMETRICS}, with exemplars ({@code redmetrics.exemplars=true}): the trace of a
   * request in its histogram bucket where OpenTelemetry has a span current.
   */
  REDMETRICS_EXEMPLARS,
  /** Jersey's Micrometer listener with Micrometer's defaults (a timer: count, sum, max). */
  MICROMETER,
  /** As {@link #MICROMETER}, with redmetrics' 14 histogram buckets on the timer. */
  MICROMETER_HIST,
  /** The bare application; run.sh adds the OpenTelemetry Java agent. */
  OTEL;

  /** The upper bounds in seconds of redmetrics' default buckets (the OpenTelemetry ones). */
  private static final double[] BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10
  };

  /** The name of Jersey's request timer, as Spring Boot and most dashboards use it. */
  private static final String TIMER = "http.server.requests";

  /**
   * Finds a variant by its command-line name ({@code bare}, {@code micrometer-hist}, ...).
   *
   * @param name the name, in lower case with dashes
   * @return the variant
   * @throws IllegalArgumentException when no variant has that name
   */
  public static Variant named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /**
   * The application of this variant.
   *
   * @return a new configuration with the benchmark's resources and this variant's metrics
   */
  public ResourceConfig application() {
    ResourceConfig config = BenchApplication.create();
    switch (this) {
      case REDMETRICS:
        config.register(redmetrics().build());
        break;
      case REDMETRICS_CLASSIC:
        config.register(redmetrics().nativeHistogram(false).build());
        break;
      case REDMETRICS_EXEMPLARS:
        config.register(redmetrics().exemplars(true).build());
        break;
      case MICROMETER:
        registerMicrometer(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        break;
      case MICROMETER_HIST:
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(sameBucketsAsRedmetrics());
        registerMicrometer(config, registry);
        break;
      default:
        break;
    }
    return config;
  }

  /** The library as every redmetrics variant starts it: service "bench", a private registry. */
  private static RedMetricsFeature.Builder redmetrics() {
    return RedMetricsFeature.builder().service("bench").registry(new PrometheusRegistry());
  }

  private static void registerMicrometer(ResourceConfig config, PrometheusMeterRegistry registry) {
    config.register(
        new MetricsApplicationEventListener(registry, new DefaultJerseyTagsProvider(), TIMER, true));
    config.registerResources(MicrometerScrape.resource(registry));
  }

  private static MeterFilter sameBucketsAsRedmetrics() {
    double[] nanos = Arrays.stream(BUCKETS).map(seconds -> seconds * 1e9).toArray();
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals(TIMER)) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(nanos)
            .build()
            .merge(config);
      }
    };
  }

  /**
   * The command-line name.
   *
   * @return the name in lower case with dashes, for example {@code micrometer-hist}
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
