package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code http_requests_active} counts requests in flight and returns to its previous value. */
class ActiveRequestsTest extends ShopTest {

  @Test
  void requests_in_flight_are_counted_until_they_complete() throws Exception {
    // The shop's own gauge: another shop on the same registry has one for the route too.
    String[] gauge = {"method", "GET", "path", "/timing/held", "service", runtime.shopService()};
    control.holdRequests(2);
    List<CompletableFuture<Integer>> held = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      held.add(CompletableFuture.supplyAsync(() -> http.status("timing/held")));
    }
    assertTrue(control.awaitHeld(Duration.ofSeconds(10)), "requests did not arrive");

    assertEquals(2, http.scrape().value("http_requests_active", gauge));

    control.releaseHeld();
    for (CompletableFuture<Integer> request : held) {
      assertEquals(200, request.get(10, TimeUnit.SECONDS));
    }
    assertEquals(0, http.scrape().value("http_requests_active", gauge));
    assertEquals(2, requests(http.scrape(), "GET", "/timing/held", "200"));
  }

  /**
   * A client that has its answer finds the request recorded and out of flight at once: the
   * library records before the response leaves, not once the runtime is done with it (a race that
   * shows only now and then, hence many requests, with and without a body).
   */
  @Test
  void a_request_is_recorded_before_its_client_has_the_answer() {
    String service = runtime.shopService();
    for (int i = 1; i <= 30; i++) {
      assertEquals(200, http.status("products/" + i));
      Scrape scrape = http.scrape();
      assertEquals(i, requests(scrape, "GET", "/products/{id}", "200"), "after request " + i);
      assertEquals(
          0,
          scrape.value(
              "http_requests_active", "method", "GET", "path", "/products/{id}", "service", service),
          "after request " + i);

      assertEquals(304, http.status("products/" + i + "/unchanged"));
      assertEquals(
          i,
          requests(http.scrape(), "GET", "/products/{id}/unchanged", "304"),
          "after request " + i);
    }
  }
}
