package io.redmetrics.jaxrs;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-flight gauge: a plain counter per series, which requests change with one atomic
 * increment or decrement, and which the scrape reads. The client's own {@code Gauge} builds a
 * lambda for each change, which the JIT does not always remove (about 40 B per request on
 * RESTEasy), for a number that only a scrape reads.
 */
final class InFlightGauge {

  /** The series by their label values, each bound once, by the first request of a route. */
  private final ConcurrentMap<List<String>, AtomicLong> series = new ConcurrentHashMap<>();

  /** What the registry holds: reports every series bound so far. */
  final GaugeWithCallback collector;

  InFlightGauge(String name, String[] labelNames) {
    this.collector =
        GaugeWithCallback.builder()
            .name(name)
            .help("HTTP requests in flight.")
            .labelNames(labelNames)
            .callback(
                callback -> {
                  for (Map.Entry<List<String>, AtomicLong> entry : series.entrySet()) {
                    callback.call(
                        entry.getValue().get(), entry.getKey().toArray(new String[0]));
                  }
                })
            .build();
  }

  /**
   * Returns the counter of the series with these label values, binding it on first use; routes
   * with the same label values share it.
   */
  AtomicLong counter(String[] labelValues) {
    return series.computeIfAbsent(List.of(labelValues), key -> new AtomicLong());
  }
}
