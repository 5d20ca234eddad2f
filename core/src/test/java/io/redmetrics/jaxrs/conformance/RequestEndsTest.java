package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redmetrics.jaxrs.support.Limit;
import io.redmetrics.jaxrs.support.RawHttp;
import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Requests that end off the usual path are still recorded once, with the status the client
 * received, and leave nothing in flight.
 */
class RequestEndsTest extends ShopTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @Test
  void a_client_that_leaves_while_the_body_streams_is_recorded_with_the_status_it_was_sent()
      throws Exception {
    control.watchClientLeaving();

    assertEquals(200, new RawHttp(app).getAndLeave("/timing/endless", 256 * 1024));
    assertTrue(control.awaitClientGone(DEADLINE), "the server never noticed the client leave");

    Scrape scrape =
        http.scrapeUntil(s -> s.sum("http_requests_total", "path", "/timing/endless") > 0, DEADLINE);
    assertEquals(1, scrape.sum("http_requests_total", "path", "/timing/endless"), scrape.text());
    assertEquals(1, requests(scrape, "GET", "/timing/endless", "200"), scrape.text());
    assertEquals(
        0, scrape.value("http_requests_active", "method", "GET", "path", "/timing/endless"));
  }

  @Test
  void a_response_filter_that_throws_is_a_500_error_and_leaves_nothing_in_flight() {
    assertEquals(500, http.status("failures/in-filter"));
    if (runtime.declares(Limit.UNANSWERED_FAILURES_ARE_NOT_RECORDED)) {
      assertTheLimitOfAThrowingResponseFilter();
      return;
    }

    Scrape scrape =
        http.scrapeUntil(
            s -> s.sum("http_requests_total", "path", "/failures/in-filter") > 0, DEADLINE);
    assertEquals(1, requests(scrape, "GET", "/failures/in-filter", "500"), scrape.text());
    assertEquals(
        0, scrape.value("http_requests_active", "method", "GET", "path", "/failures/in-filter"));
  }

  /**
   * Where the runtime declares the limit: the request is never recorded and stays in flight. A
   * later request, once recorded, shows that the server had the time to record the first.
   */
  private void assertTheLimitOfAThrowingResponseFilter() {
    assertEquals(200, http.status("products/1"));

    Scrape scrape =
        http.scrapeUntil(s -> s.sum("http_requests_total", "path", "/products/{id}") > 0, DEADLINE);
    assertEquals(
        0,
        scrape.sum("http_requests_total", "path", "/failures/in-filter"),
        "the documented limit: not recorded\n" + scrape.text());
    assertEquals(
        1,
        scrape.value("http_requests_active", "method", "GET", "path", "/failures/in-filter"),
        "the documented limit: still in flight\n" + scrape.text());
  }

  @Test
  void a_form_parameter_that_fails_to_decode_is_recorded_with_the_status_the_client_received() {
    int status =
        new RawHttp(app)
            .send(
                "POST",
                "/products/1/stock",
                "quantity=%zz",
                "Content-Type: application/x-www-form-urlencoded");

    Scrape scrape =
        http.scrapeUntil(
            s -> s.sum("http_requests_total", "path", "/products/{id}/stock") > 0, DEADLINE);
    assertEquals(
        1,
        requests(scrape, "POST", "/products/{id}/stock", Integer.toString(status)),
        scrape.text());
    assertEquals(
        0, scrape.value("http_requests_active", "method", "POST", "path", "/products/{id}/stock"));
  }
}
