package io.redmetrics.jaxrs.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A scrape's series as plain counts, keyed {@code "GET /soak/fast 200"} (method, path, status
 * code) or, for the in-flight gauge, {@code "GET /soak/fast"}: the keys the server's own {@link
 * TestControl#outcomes()} uses, so that one comparison ({@link #differences}) covers every
 * series and names those that differ.
 */
public final class SeriesCounts {

  private SeriesCounts() {}

  /** {@code http_requests_total} by method, path and status. */
  public static Map<String, Long> requests(Scrape scrape) {
    return byStatus(scrape, "http_requests_total");
  }

  /** {@code http_request_duration_seconds_count} by method, path and status. */
  public static Map<String, Long> durations(Scrape scrape) {
    return byStatus(scrape, "http_request_duration_seconds_count");
  }

  /** {@code http_errors_total} by method, path and status. */
  public static Map<String, Long> errors(Scrape scrape) {
    return byStatus(scrape, "http_errors_total");
  }

  /** {@code http_requests_active} by method and path, the series at 0 left out. */
  public static Map<String, Long> inFlight(Scrape scrape) {
    Map<String, Long> counts = new TreeMap<>();
    for (Scrape.Sample sample : scrape.samples("http_requests_active")) {
      if (sample.value != 0) {
        counts.put(sample.labels.get("method") + " " + sample.labels.get("path"), (long) sample.value);
      }
    }
    return counts;
  }

  /**
   * One line per series whose count differs between {@code expected} and {@code actual}, a
   * series missing from either counting as 0: {@code "GET /soak/x 500: expected 10, was 0"}.
   */
  public static List<String> differences(Map<String, Long> expected, Map<String, Long> actual) {
    Set<String> series = new TreeSet<>(expected.keySet());
    series.addAll(actual.keySet());
    List<String> differences = new ArrayList<>();
    for (String key : series) {
      long wanted = expected.getOrDefault(key, 0L);
      long was = actual.getOrDefault(key, 0L);
      if (wanted != was || expected.containsKey(key) != actual.containsKey(key)) {
        differences.add(key + ": expected " + wanted + ", was " + was);
      }
    }
    return differences;
  }

  private static Map<String, Long> byStatus(Scrape scrape, String name) {
    Map<String, Long> counts = new TreeMap<>();
    for (Scrape.Sample sample : scrape.samples(name)) {
      counts.merge(
          sample.labels.get("method")
              + " "
              + sample.labels.get("path")
              + " "
              + sample.labels.get("status_code"),
          (long) sample.value,
          Long::sum);
    }
    return counts;
  }
}
