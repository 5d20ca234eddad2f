package io.redmetrics.example.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code http_requests_active} counts the requests in flight and falls back to 0. */
class ActiveRequestsIT {

  private static final String SLOW = "/api/slow";

  private final ShopClient shop = ShopClient.fromSystemProperties();

  @Test
  void a_request_in_flight_is_counted_until_it_completes() throws Exception {
    CompletableFuture<HttpResponse<String>> slow =
        CompletableFuture.supplyAsync(() -> shop.get("slow?ms=3000"));

    // Scrape while the slow request is in flight; it holds its thread for three seconds, long
    // enough for a loaded machine to scrape it at least once.
    boolean seen = false;
    Scrape during = shop.scrape();
    while (!seen && !slow.isDone()) {
      during = shop.scrape();
      seen = during.sum("http_requests_active", "method", "GET", "path", SLOW) == 1;
    }
    String duringLines = during.lines("http_requests_active");
    assertTrue(seen, () -> "never saw the slow request in flight:\n" + duringLines);

    assertEquals(200, slow.get(30, TimeUnit.SECONDS).statusCode());
    Scrape after = shop.settledScrape();
    assertEquals(
        0,
        after.sum("http_requests_active", "path", SLOW),
        () -> after.lines("http_requests_active"));
  }

  @Test
  void every_route_is_back_to_zero_after_all_kinds_of_requests() {
    shop.status("products/1");
    shop.status("products/42");
    shop.status("reports/daily");
    shop.postForm("orders", "productId=3&quantity=1");
    shop.status("warehouse/stock/1");
    shop.status("warehouse/eta/1");
    shop.status("export/products.csv");
    shop.status("orders/1/lines/2");

    Scrape after = shop.settledScrape();
    assertTrue(
        after.samples("http_requests_active").stream().allMatch(sample -> sample.value() == 0),
        () -> after.lines("http_requests_active"));
  }
}
