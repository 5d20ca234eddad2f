package io.redmetrics.jaxrs;

import io.prometheus.metrics.core.metrics.Counter;
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
 * The metric families, registered once per {@link PrometheusRegistry}: the RED families and the
 * routes' info, named as the {@link Naming} says, each labelled with the service label ({@link
 * RedMetricsFeature#SERVICE_LABEL}) where there is one. Label values are put in order here, once
 * per series.
 *
 * <p>Several applications in one JVM (two WARs, several test servers) may share a registry: the
 * second one reuses the families of the first and its series are told apart by the {@code service}
 * label, so registering twice never fails. The families are remembered per copy of this class:
 * applications that each bundle their own copy of the library cannot share the registry of a
 * server-wide Prometheus client, and the second fails at startup saying so.
 */
final class RedMetrics {

  /** Exposed as {@code http_route_info}: the client adds the suffix of an info metric. */
  static final String ROUTES = "http_route";

  private static final Map<PrometheusRegistry, RedMetrics> REGISTERED = new WeakHashMap<>();

  /** {@code null} where the naming has no request counter. */
  final Counter requests;

  final Histogram duration;
  /** {@code null} where the naming has no error counter. */
  final Counter errors;

  final InFlightGauge active;
  final Info routes;
  private final Naming naming;
  private final boolean exemplars;
  private final double[] buckets;
  private final boolean nativeHistogram;
  /** The name of the label that holds the service; {@code null}: no such label. */
  private final String serviceLabel;

  private RedMetrics(
      Naming naming,
      boolean exemplars,
      double[] buckets,
      boolean nativeHistogram,
      String serviceLabel) {
    this.naming = naming;
    this.exemplars = exemplars;
    this.buckets = buckets;
    this.nativeHistogram = nativeHistogram;
    this.serviceLabel = serviceLabel;
    String[] byStatus =
        naming.scheme == null
            ? labelNames(naming.method, naming.path, naming.status)
            : labelNames(naming.method, naming.path, naming.status, naming.scheme);
    String[] byRoute = labelNames(naming.method, naming.path);
    // Exemplars are off but where asked for on the histogram: sampling costs a span lookup per
    // request, and a counter's exemplar adds nothing the histogram's does not show.
    this.requests =
        naming.requests == null
            ? null
            : Counter.builder()
                .name(naming.requests)
                .help("HTTP requests completed, by method, route template and status code.")
                .labelNames(byStatus)
                .withoutExemplars()
                .build();
    Histogram.Builder duration =
        Histogram.builder()
            .name(naming.duration)
            .unit(Unit.SECONDS)
            .help("Time from the first filter until the response is written, by route.")
            .labelNames(byStatus)
            .classicUpperBounds(buckets);
    if (!nativeHistogram) {
      duration.classicOnly();
    }
    this.duration = exemplars ? duration.build() : duration.withoutExemplars().build();
    this.errors =
        naming.errors == null
            ? null
            : Counter.builder()
                .name(naming.errors)
                .help("HTTP requests answered with a status code of 400 or more.")
                .labelNames(byStatus)
                .withoutExemplars()
                .build();
    this.active =
        new InFlightGauge(
            naming.active,
            naming.scheme == null ? byRoute : labelNames(naming.method, naming.scheme));
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

  /** Whether the series have a scheme label, so that requests must tell their scheme. */
  boolean hasScheme() {
    return naming.scheme != null;
  }

  /** The label values of the counters and the histogram, in the order of their names. */
  String[] byStatus(String method, String path, String status, String scheme, String service) {
    return naming.scheme == null
        ? withService(service, method, path, status)
        : withService(service, method, path, status, scheme);
  }

  /** The label values of the in-flight gauge. */
  String[] inFlight(String method, String path, String scheme, String service) {
    return naming.scheme == null
        ? withService(service, method, path)
        : withService(service, method, scheme);
  }

  /** The label values of a route's info. */
  String[] route(String method, String path, String service) {
    return withService(service, method, path);
  }

  /** {@code values}, then the service where the families have a service label. */
  private String[] withService(String service, String... values) {
    return serviceLabel == null ? values : append(values, service);
  }

  private static String[] append(String[] values, String last) {
    String[] all = Arrays.copyOf(values, values.length + 1);
    all[values.length] = last;
    return all;
  }

  /**
   * Returns the families registered in the settings' registry, registering them on first use with
   * the settings' naming, exemplars, buckets, histogram kind and service label.
   *
   * @throws IllegalArgumentException when the registry already holds the families with another
   *     naming, exemplars, service label, buckets or histogram kind, or holds a metric of the same
   *     name that this library did not register
   */
  static RedMetrics in(Settings settings) {
    PrometheusRegistry registry = settings.registry;
    Naming naming = settings.naming;
    boolean exemplars = settings.exemplars;
    double[] buckets = settings.buckets;
    boolean nativeHistogram = settings.nativeHistogram;
    String serviceLabel = settings.serviceLabel;
    synchronized (REGISTERED) {
      RedMetrics existing = REGISTERED.get(registry);
      if (existing != null) {
        if (existing.naming != naming) {
          throw new IllegalArgumentException(
              RedMetricsFeature.NAMING
                  + ": "
                  + naming.settingValue()
                  + ": this registry already holds the metrics named "
                  + existing.naming.settingValue()
                  + "; applications sharing a registry must use the same naming");
        }
        if (existing.exemplars != exemplars) {
          throw new IllegalArgumentException(
              RedMetricsFeature.EXEMPLARS
                  + ": "
                  + exemplars
                  + ": this registry already holds the metrics with exemplars "
                  + (existing.exemplars ? "on" : "off")
                  + "; applications sharing a registry must agree on exemplars");
        }
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
                  + naming.duration
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
                  + naming.duration
                  + " with "
                  + RedMetricsFeature.NATIVE_HISTOGRAM
                  + "="
                  + existing.nativeHistogram
                  + "; applications sharing a registry must agree on it");
        }
        return existing;
      }
      RedMetrics created =
          new RedMetrics(naming, exemplars, buckets, nativeHistogram, serviceLabel);
      created.registerAllOrNone(registry);
      REGISTERED.put(registry, created);
      return created;
    }
  }

  private void registerAllOrNone(PrometheusRegistry registry) {
    Collector[] all = {requests, duration, errors, active.collector, routes};
    String[] names = {naming.requests, naming.duration, naming.errors, naming.active, ROUTES + "_info"};
    for (int i = 0; i < all.length; i++) {
      if (all[i] == null) {
        continue;
      }
      try {
        registry.register(all[i]);
      } catch (IllegalArgumentException | IllegalStateException e) {
        for (int j = 0; j < i; j++) {
          if (all[j] != null) {
            registry.unregister(all[j]);
          }
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
