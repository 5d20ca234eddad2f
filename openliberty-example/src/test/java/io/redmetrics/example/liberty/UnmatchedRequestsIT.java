package io.redmetrics.example.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Requests that match no route share {@code path="UNMATCHED"}, and unknown methods share {@code
 * method="_OTHER"}, so that hostile traffic never creates a series of its own.
 */
class UnmatchedRequestsIT {

  private final ShopClient shop = ShopClient.fromSystemProperties();

  @Test
  void a_path_no_route_matches_is_unmatched_with_404() {
    Recorded recorded =
        Recorded.during(
            shop,
            () -> {
              assertEquals(404, shop.status("no/such/page"));
              assertEquals(404, shop.status("products/sku/mug")); // fails the SKU expression
            });

    assertEquals(2, recorded.requests("GET", "UNMATCHED", "404"), recorded::report);
    assertEquals(2, recorded.errors("GET", "UNMATCHED", "404"), recorded::report);
    assertFalse(recorded.after().text().contains("no/such"), recorded::report);
    assertTrue(
        recorded.after().samples("http_requests_active", "path", "UNMATCHED").isEmpty(),
        recorded::report);
  }

  @Test
  void a_method_the_route_does_not_allow_is_unmatched_with_405() {
    Recorded recorded =
        Recorded.during(
            shop, () -> assertEquals(405, shop.send("DELETE", "products").statusCode()));

    assertEquals(1, recorded.requests("DELETE", "UNMATCHED", "405"), recorded::report);
  }

  @Test
  void an_unknown_method_is_labelled_other() {
    Recorded recorded =
        Recorded.during(
            shop,
            () -> {
              shop.send("BREW", "products");
              shop.send("XYZZY", "no/such/page");
            });

    assertEquals(
        2,
        recorded.increase("http_requests_total", "method", "_OTHER", "path", "UNMATCHED"),
        recorded::report);
    assertFalse(recorded.after().text().contains("BREW"), recorded::report);
    assertFalse(recorded.after().text().contains("XYZZY"), recorded::report);
  }
}
