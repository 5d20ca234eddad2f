package io.redmetrics.example.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The {@code path} label is the application's base path plus the matched templates: one series
 * per route whatever the ids, regular expressions stripped, the whole chain through a
 * sub-resource locator.
 */
class RouteTemplatesIT {

  private final ShopClient shop = ShopClient.fromSystemProperties();

  @Test
  void requests_to_one_template_share_one_series_whatever_the_ids() {
    Recorded recorded =
        Recorded.during(
            shop,
            () -> {
              assertEquals(200, shop.status("products/1"));
              assertEquals(200, shop.status("products/2"));
              assertEquals(200, shop.status("products/3"));
            });

    assertEquals(3, recorded.requests("GET", "/api/products/{id}", "200"), recorded::report);
    assertTrue(
        recorded.after().labelValues("http_requests_total", "path").stream()
            .noneMatch(path -> path.matches(".*/[0-9]+(/.*)?")),
        recorded::report);
  }

  @Test
  void a_resource_method_without_a_path_of_its_own_has_the_class_template() {
    Recorded recorded = Recorded.during(shop, () -> assertEquals(200, shop.status("products")));

    assertEquals(1, recorded.requests("GET", "/api/products", "200"), recorded::report);
  }

  @Test
  void the_regular_expression_of_a_template_is_stripped() {
    Recorded recorded =
        Recorded.during(shop, () -> assertEquals(200, shop.status("products/sku/MUG-100")));

    assertEquals(1, recorded.requests("GET", "/api/products/sku/{sku}", "200"), recorded::report);
  }

  @Test
  void a_sub_resource_locator_gives_the_whole_chain_of_templates() {
    Recorded recorded =
        Recorded.during(
            shop,
            () -> {
              assertEquals(200, shop.status("orders/1/lines"));
              assertEquals(200, shop.status("orders/1/lines/1"));
              assertEquals(200, shop.status("orders/1/lines/2"));
            });

    assertEquals(
        1, recorded.requests("GET", "/api/orders/{orderId}/lines", "200"), recorded::report);
    assertEquals(
        2,
        recorded.requests("GET", "/api/orders/{orderId}/lines/{lineId}", "200"),
        recorded::report);
  }

  @Test
  void head_answered_by_a_get_method_keeps_the_template() {
    Recorded recorded =
        Recorded.during(
            shop, () -> assertEquals(200, shop.send("HEAD", "products/1").statusCode()));

    assertEquals(1, recorded.requests("HEAD", "/api/products/{id}", "200"), recorded::report);
  }

  @Test
  void options_answered_by_the_runtime_keeps_the_template_or_is_unmatched() {
    Recorded recorded =
        Recorded.during(
            shop, () -> assertEquals(200, shop.send("OPTIONS", "products/1").statusCode()));

    // Jersey exposes the template it matched; Liberty (RESTEasy) answers OPTIONS itself before a
    // resource method is matched, and offers no public API for the template: UNMATCHED there.
    double templated = recorded.requests("OPTIONS", "/api/products/{id}", "200");
    double unmatched = recorded.requests("OPTIONS", "UNMATCHED", "200");
    assertEquals(1, templated + unmatched, recorded::report);
  }
}
