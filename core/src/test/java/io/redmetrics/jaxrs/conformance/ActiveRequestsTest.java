package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
