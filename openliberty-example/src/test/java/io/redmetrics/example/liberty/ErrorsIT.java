package io.redmetrics.example.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@code status_code} is the status the client received, after exception mapping; requests
 * answered with 400 or more are also counted in {@code http_errors_total}, under their route.
 */
class ErrorsIT {

  private final ShopClient shop = ShopClient.fromSystemProperties();

  @Test
  void a_mapped_exception_is_an_error_with_the_mapped_status_under_its_template() {
    Recorded recorded =
        Recorded.during(
            shop,
            // Product 3 is out of stock: OutOfStockMapper answers 409.
            () ->
                assertEquals(
                    409, shop.postForm("orders", "productId=3&quantity=1").statusCode()));

    assertEquals(1, recorded.requests("POST", "/api/orders", "409"), recorded::report);
    assertEquals(1, recorded.errors("POST", "/api/orders", "409"), recorded::report);
  }

  @Test
  void an_unmapped_exception_is_a_500_error_under_its_template() {
    Recorded recorded =
        Recorded.during(shop, () -> assertEquals(500, shop.status("reports/daily")));

    assertEquals(1, recorded.requests("GET", "/api/reports/daily", "500"), recorded::report);
    assertEquals(1, recorded.errors("GET", "/api/reports/daily", "500"), recorded::report);
  }

  @Test
  void a_not_found_thrown_by_a_matched_resource_keeps_its_template() {
    Recorded recorded = Recorded.during(shop, () -> assertEquals(404, shop.status("products/42")));

    assertEquals(1, recorded.requests("GET", "/api/products/{id}", "404"), recorded::report);
    assertEquals(1, recorded.errors("GET", "/api/products/{id}", "404"), recorded::report);
  }

  @Test
  void a_success_is_not_an_error() {
    Recorded recorded = Recorded.during(shop, () -> assertEquals(200, shop.status("products/1")));

    assertEquals(1, recorded.requests("GET", "/api/products/{id}", "200"), recorded::report);
    assertEquals(0, recorded.increase("http_errors_total"), recorded::report);
  }
}
