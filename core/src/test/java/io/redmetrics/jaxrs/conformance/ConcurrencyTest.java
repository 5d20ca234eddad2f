package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Counts stay exact and the gauge returns to zero under concurrent load. */
class ConcurrencyTest extends ShopTest {

  private static final int THREADS = 16;
  private static final int REQUESTS_PER_THREAD = 500;

  @Test
  void sixteen_threads_of_500_requests_are_all_counted_and_none_stay_active() throws Exception {
    AtomicInteger unexpected = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        workers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    String path = i % 5 == 0 ? "failures/mapped" : "products/" + thread + "-" + i;
                    int expected = i % 5 == 0 ? 409 : 200;
                    if (http.status(path) != expected) {
                      unexpected.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(0, unexpected.get());
    int total = THREADS * REQUESTS_PER_THREAD;
    Scrape scrape = http.scrape();
    assertEquals(total * 4 / 5, requests(scrape, "GET", "/products/{id}", "200"));
    assertEquals(total / 5, requests(scrape, "GET", "/failures/mapped", "409"));
    assertEquals(total / 5, scrape.value("http_errors_total", "path", "/failures/mapped"));
    assertEquals(
        total * 4 / 5,
        scrape.value("http_request_duration_seconds_count", "path", "/products/{id}"));
    assertEquals(0, scrape.sum("http_requests_active"));
  }
}
