package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopTest;
import org.junit.jupiter.api.Test;

/**
 * What Jersey's adapter adds beyond the portable conformance suite: templates of requests Jersey
 * answers by itself, and requests its request events see but response filters do not.
 */
class JerseyOnlyTest extends ShopTest {

  @Test
  void options_answered_by_jersey_keeps_the_template_it_matched() {
    assertEquals(200, http.send("OPTIONS", "products/5").statusCode());

    assertEquals(1, requests(http.scrape(), "OPTIONS", "/products/{id}", "200"));
  }

  @Test
  void a_response_filter_that_throws_is_a_500_error_and_leaves_nothing_in_flight() {
    assertEquals(500, http.status("failures/in-filter"));

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "GET", "/failures/in-filter", "500"));
    assertEquals(0, scrape.value("http_requests_active", "path", "/failures/in-filter"));
  }
}
