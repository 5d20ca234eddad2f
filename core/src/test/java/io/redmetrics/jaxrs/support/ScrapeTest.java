package io.redmetrics.jaxrs.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Scrape#since}: what a test sees on a server that earlier tests used too. */
class ScrapeTest {

  private static final String BEFORE =
      String.join(
          "\n",
          "# TYPE http_requests_total counter",
          "http_requests_total{path=\"/a\",status_code=\"200\"} 5.0",
          "http_requests_total{path=\"/b\",status_code=\"200\"} 2.0",
          "# TYPE http_request_duration_seconds histogram",
          "http_request_duration_seconds_bucket{path=\"/a\",le=\"0.25\"} 5",
          "http_request_duration_seconds_bucket{path=\"/a\",le=\"+Inf\"} 5",
          "http_request_duration_seconds_count{path=\"/a\"} 5",
          "http_request_duration_seconds_sum{path=\"/a\"} 0.5",
          "http_request_duration_seconds_bucket{path=\"/b\",le=\"0.25\"} 2",
          "http_request_duration_seconds_bucket{path=\"/b\",le=\"+Inf\"} 2",
          "http_request_duration_seconds_count{path=\"/b\"} 2",
          "http_request_duration_seconds_sum{path=\"/b\"} 0.2",
          "# TYPE http_requests_active gauge",
          "http_requests_active{path=\"/a\"} 1.0",
          "http_requests_active{path=\"/b\"} 0.0",
          "");

  private static final String AFTER =
      String.join(
          "\n",
          "# TYPE http_requests_total counter",
          "http_requests_total{path=\"/a\",status_code=\"200\"} 6.0",
          "http_requests_total{path=\"/b\",status_code=\"200\"} 2.0",
          "http_requests_total{path=\"/c\",status_code=\"200\"} 0.0",
          "# TYPE http_request_duration_seconds histogram",
          "http_request_duration_seconds_bucket{path=\"/a\",le=\"0.25\"} 5",
          "http_request_duration_seconds_bucket{path=\"/a\",le=\"+Inf\"} 6",
          "http_request_duration_seconds_count{path=\"/a\"} 6",
          "http_request_duration_seconds_sum{path=\"/a\"} 0.8",
          "http_request_duration_seconds_bucket{path=\"/b\",le=\"0.25\"} 2",
          "http_request_duration_seconds_bucket{path=\"/b\",le=\"+Inf\"} 2",
          "http_request_duration_seconds_count{path=\"/b\"} 2",
          "http_request_duration_seconds_sum{path=\"/b\"} 0.2",
          "# TYPE http_requests_active gauge",
          "http_requests_active{path=\"/a\"} 1.0",
          "http_requests_active{path=\"/b\"} 2.0",
          "");

  private final Scrape delta = Scrape.parse(AFTER).since(Scrape.parse(BEFORE));

  @Test
  void counters_become_their_increase_and_unchanged_series_are_left_out() {
    assertEquals(1, delta.value("http_requests_total", "path", "/a"));
    assertTrue(delta.samples("http_requests_total", "path", "/b").isEmpty(), delta.text());
    assertEquals(Set.of("/a", "/c"), delta.labelValues("http_requests_total", "path"));
  }

  @Test
  void a_new_series_is_kept_even_at_zero() {
    assertEquals(0, delta.value("http_requests_total", "path", "/c"));
  }

  @Test
  void a_changed_histogram_keeps_every_bucket_even_those_that_did_not_change() {
    assertEquals(
        List.of(0.0, 1.0),
        delta.samples("http_request_duration_seconds_bucket", "path", "/a").stream()
            .map(s -> s.value)
            .collect(Collectors.toList()));
    assertEquals(1, delta.value("http_request_duration_seconds_count", "path", "/a"));
    assertEquals(0.3, delta.value("http_request_duration_seconds_sum", "path", "/a"), 1e-9);
    assertTrue(delta.samples("http_request_duration_seconds_count", "path", "/b").isEmpty());
  }

  @Test
  void gauges_are_always_kept_as_their_change() {
    assertEquals(0, delta.value("http_requests_active", "path", "/a"));
    assertEquals(2, delta.value("http_requests_active", "path", "/b"));
  }

  @Test
  void against_an_empty_baseline_a_scrape_is_itself() {
    Scrape scrape = Scrape.parse(AFTER);

    assertSame(scrape, scrape.since(Scrape.EMPTY));
    assertSame(scrape, scrape.since(Scrape.parse("# TYPE http_requests_active gauge\n")));
  }
}
