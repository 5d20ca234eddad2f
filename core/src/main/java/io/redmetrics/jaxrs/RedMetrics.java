package io.redmetrics.jaxrs;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * The metric families, registered once per {@link PrometheusRegistry}: the four RED families and
 * the routes' info, labelled {@code method}, {@code path}, {@code status_code} (not the gauge's
 * and the info's) and the service label ({@link RedMetricsFeature#SERVICE_LABEL}).
 *
 * <p>Several applications in one JVM (two WARs, several test servers) may share a registry: the
 * second one reuses the families of the first and its series are told apart by the {@code service}
 * label, so registering twice never fails. The families are remembered per copy of this class:
 * applications that each bundle their own copy of the library cannot share the registry of a
 * server-wide Prometheus client, and the second fails at startup saying so.
 */
final class RedMetrics {

  static final String REQUESTS = "http_requests_total";
  static final String DURATION = "http_request_duration_seconds";
  static final String ERRORS = "http_errors_total";
  static final String ACTIVE = "http_requests_active";
  /** Exposed as {@code http_route_info}: the client adds the suffix of an info metric. */
  static final String ROUTES = "http_route";

  private static final Map<PrometheusRegistry, RedMetrics> REGISTERED = new WeakHashMap<>();

  final Counter requests;
  final Histogram duration;
  final Counter errors;
  final Gauge active;
  final Info routes;
  private final double[] buckets;
  private final boolean nativeHistogram;
  /** The name of the label that holds the service; {@code null}: no such label. */
  private final String serviceLabel;

  private RedMetrics(double[] buckets, boolean nativeHistogram, String serviceLabel) {
    this.buckets = buckets;
    this.nativeHistogram = nativeHistogram;
    this.serviceLabel = serviceLabel;
    String[] byStatus = labelNames("method", "path", "status_code");
    String[] byRoute = labelNames("method", "path");
    // Exemplars are off: sampling them would cost a span lookup on every request.
    this.requests =
        Counter.builder()
            .name(REQUESTS)
            .help("HTTP requests completed, by method, route template and status code.")
            .labelNames(byStatus)
            .withoutExemplars()
            .build();
    Histogram.Builder duration =
        Histogram.builder()
            .name(DURATION)
            .unit(Unit.SECONDS)
            .help("Time from the first filter until the response is written, by route.")
            .labelNames(byStatus)
            .classicUpperBounds(buckets)
            .withoutExemplars();
    this.duration = nativeHistogram ? duration.build() : duration.classicOnly().build();
    this.errors =
        Counter.builder()
            .name(ERRORS)
            .help("HTTP requests answered with a status code of 400 or more.")
            .labelNames(byStatus)
            .withoutExemplars()
            .build();
    this.active =
        Gauge.builder()
            .name(ACTIVE)
            .help("HTTP requests in flight, by method and route template.")
            .labelNames(byRoute)
            .build();
    this.routes =
        Info.builder()
            .name(ROUTES)
            .help("The routes of the application, each 1, known from deployment on.")
            .labelNames(byRoute)
            .build();
  }

  /** The label names, then the service label where there is one. */
  private String[] labelNames(String... names) {
    return serviceLabel == null ? names : append(names, serviceLabel);
  }

  /**
   * Label values in the order of {@link #labelNames}: {@code values}, then the service where the
   * families have a service label. Called when a series is bound, never per request.
   */
  String[] labelValues(String service, String... values) {
    return serviceLabel == null ? values : append(values, service);
  }

  private static String[] append(String[] values, String last) {
    String[] all = Arrays.copyOf(values, values.length + 1);
    all[values.length] = last;
    return all;
  }

  /**
   * Returns the families registered in {@code registry}, registering them on first use.
   *
   * @throws IllegalArgumentException when the registry already holds the families with other
   *     buckets, or holds a metric of the same name that this library did not register
   */
  static RedMetrics in(
      PrometheusRegistry registry, double[] buckets, boolean nativeHistogram, String serviceLabel) {
    synchronized (REGISTERED) {
      RedMetrics existing = REGISTERED.get(registry);
      if (existing != null) {
        if (!Objects.equals(existing.serviceLabel, serviceLabel)) {
          throw new IllegalArgumentException(
              RedMetricsFeature.SERVICE_LABEL
                  + ": "
                  + (serviceLabel == null ? "" : serviceLabel)
                  + ": this registry already holds the metrics with the service label '"
                  + (existing.serviceLabel == null ? "" : existing.serviceLabel)
                  + "'; applications sharing a registry must use the same service label");
        }
        if (!Arrays.equals(existing.buckets, buckets)) {
          throw new IllegalArgumentException(
              "buckets: "
                  + Arrays.toString(buckets)
                  + ": this registry already holds "
                  + DURATION
                  + " with buckets "
                  + Arrays.toString(existing.buckets)
                  + "; applications sharing a registry must use the same buckets");
        }
        if (existing.nativeHistogram != nativeHistogram) {
          throw new IllegalArgumentException(
              RedMetricsFeature.NATIVE_HISTOGRAM
                  + ": "
                  + nativeHistogram
                  + ": this registry already holds "
                  + DURATION
                  + " with "
                  + RedMetricsFeature.NATIVE_HISTOGRAM
                  + "="
                  + existing.nativeHistogram
                  + "; applications sharing a registry must agree on it");
        }
        return existing;
      }
      RedMetrics created = new RedMetrics(buckets, nativeHistogram, serviceLabel);
      created.registerAllOrNone(registry);
      REGISTERED.put(registry, created);
      return created;
    }
  }

  private void registerAllOrNone(PrometheusRegistry registry) {
    Collector[] all = {requests, duration, errors, active, routes};
    String[] names = {REQUESTS, DURATION, ERRORS, ACTIVE, ROUTES + "_info"};
    for (int i = 0; i < all.length; i++) {
      try {
        registry.register(all[i]);
      } catch (IllegalArgumentException | IllegalStateException e) {
        for (int j = 0; j < i; j++) {
          registry.unregister(all[j]);
        }
        throw new IllegalArgumentException(
            "registry: already holds "
                + names[i]
                + " with other labels, type or help, registered by something other than this copy"
                + " of redmetrics-jaxrs: another library, or another copy of redmetrics-jaxrs in"
                + " another class loader (each application bundling its own while the Prometheus"
                + " client is a library of the server). Give the application a registry of its"
                + " own (RedMetricsFeature.builder().registry(...)), or put redmetrics-jaxrs beside"
                + " the Prometheus client in the server's library. The registry said: "
                + e.getMessage(),
            e);
      }
    }
  }
}
