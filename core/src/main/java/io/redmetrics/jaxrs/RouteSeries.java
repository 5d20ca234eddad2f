package io.redmetrics.jaxrs;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data points of one route, that is one {@code method}, {@code path} and service: the
 * in-flight gauge, and per status code the request counter, the duration histogram and, for 400
 * and above, the error counter. Label values are bound here once; recording a request only reads
 * fields and increments data points.
 */
final class RouteSeries {

  final String method;
  final String path;
  /** The request's scheme where the naming labels it ({@link RedMetrics#hasScheme}), else empty. */
  private final String scheme;
  private final String service;
  private final RedMetrics metrics;
  /**
   * Bound on the first request that enters the route, so that routes no request enters
   * ({@code UNMATCHED}, requests the runtime answers by itself) show no in-flight series.
   */
  private volatile AtomicLong active;
  /** Copy-on-write: a route sees a handful of status codes, so a linear scan beats any map. */
  private volatile StatusSeries[] byStatus = new StatusSeries[0];

  RouteSeries(RedMetrics metrics, String method, String path, String scheme, String service) {
    this.metrics = metrics;
    this.method = method;
    this.path = path;
    this.scheme = scheme;
    this.service = service;
  }

  /** Counts a request as in flight on this route. */
  void started() {
    AtomicLong inFlight = active;
    if (inFlight == null) {
      // A race binds the same series twice: the gauge returns the counter already there.
      inFlight = metrics.active.counter(metrics.inFlight(method, path, scheme, service));
      active = inFlight;
    }
    inFlight.incrementAndGet();
  }

  /** Ends a request that {@link #started()}. */
  void ended() {
    active.decrementAndGet();
  }

  /**
   * The {@code status_code} label of a status outside 100 to 599, which HTTP does not define: an
   * application that passes any number to {@code WebApplicationException} would otherwise create
   * a series per number. Such a response is counted as an error.
   */
  static final String OTHER_STATUS = "_OTHER";

  /** Records a completed request with the status the client received. */
  void completed(int status, double seconds) {
    statusSeries(status >= 100 && status <= 599 ? status : 0).record(seconds);
  }

  private StatusSeries statusSeries(int status) {
    for (StatusSeries series : byStatus) {
      if (series.status == status) {
        return series;
      }
    }
    return addStatus(status);
  }

  private synchronized StatusSeries addStatus(int status) {
    StatusSeries[] current = byStatus;
    for (StatusSeries series : current) {
      if (series.status == status) {
        return series;
      }
    }
    StatusSeries added = new StatusSeries(status);
    StatusSeries[] grown = Arrays.copyOf(current, current.length + 1);
    grown[current.length] = added;
    byStatus = grown;
    return added;
  }

  /** The data points of this route for one status code. */
  private final class StatusSeries {
    final int status;
    /** {@code null} where the naming has no request counter. */
    final CounterDataPoint requests;
    final DistributionDataPoint duration;
    /** {@code null} below 400, and where the naming has no error counter. */
    final CounterDataPoint errors;

    /** @param status 100 to 599, or 0 for any other */
    StatusSeries(int status) {
      String code = status == 0 ? OTHER_STATUS : Integer.toString(status);
      this.status = status;
      String[] labels = metrics.byStatus(method, path, code, scheme, service);
      this.requests = metrics.requests == null ? null : metrics.requests.labelValues(labels);
      this.duration = metrics.duration.labelValues(labels);
      boolean error = status >= 400 || status == 0;
      this.errors =
          error && metrics.errors != null ? metrics.errors.labelValues(labels) : null;
    }

    void record(double seconds) {
      if (requests != null) {
        requests.inc();
      }
      duration.observe(seconds);
      if (errors != null) {
        errors.inc();
      }
    }
  }
}
