package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redmetrics.jaxrs.fixtures.TimingResource;
import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The duration runs until the response is complete, including async waits and streaming. */
class DurationTest extends ShopTest {

  private static final double DELAY_SECONDS = TimingResource.DELAY_MS / 1000.0;

  private void assertTookAtLeastTheDelay(String path) {
    Scrape scrape = http.scrape();
    double sum = scrape.value("http_request_duration_seconds_sum", "path", path);
    assertEquals(1, scrape.value("http_request_duration_seconds_count", "path", path));
    assertTrue(sum >= DELAY_SECONDS, path + " recorded " + sum + " s");
    assertEquals(
        0,
        scrape.value("http_request_duration_seconds_bucket", "path", path, "le", "0.25"),
        "a 300 ms request must not fall in the 0.25 s bucket");
    // The shop's own gauge: another shop on the same registry has one for the route too.
    assertEquals(
        0,
        scrape.value(
            "http_requests_active",
            "method", "GET", "path", path, "service", runtime.shopService()));
  }

  @Test
  void an_async_response_is_timed_until_it_is_resumed() {
    assertEquals(200, http.status("timing/async"));

    assertTookAtLeastTheDelay("/timing/async");
  }

  @Test
  void a_completion_stage_is_timed_until_it_completes() {
    assertEquals(200, http.status("timing/stage"));

    assertTookAtLeastTheDelay("/timing/stage");
  }

  @Test
  void a_streaming_output_is_timed_until_it_is_written() {
    var response = http.get("timing/stream");
    assertEquals("first last", new String(response.body(), StandardCharsets.UTF_8));

    assertTookAtLeastTheDelay("/timing/stream");
  }

  @Test
  void the_histogram_has_the_default_buckets() {
    http.status("products/1");

    List<String> bounds =
        http.scrape().samples("http_request_duration_seconds_bucket", "path", "/products/{id}").stream()
            .map(s -> s.labels.get("le"))
            .collect(Collectors.toList());
    assertEquals(
        List.of(
            "0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0",
            "2.5", "5.0", "7.5", "10.0", "+Inf"),
        bounds);
  }
}
