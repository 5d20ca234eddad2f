package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redmetrics.jaxrs.support.ShopTest;
import org.junit.jupiter.api.Test;

/**
 * What Jersey's adapter adds beyond the portable conformance suite: the template of an {@code
 * OPTIONS} request Jersey answers by itself.
 */
class JerseyOnlyTest extends ShopTest {

  @Test
  void options_answered_by_jersey_keeps_the_template_it_matched() {
    assertEquals(200, http.send("OPTIONS", "products/5").statusCode());

    assertEquals(1, requests(http.scrape(), "OPTIONS", "/products/{id}", "200"));
  }
}
