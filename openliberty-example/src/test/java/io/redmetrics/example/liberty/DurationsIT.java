package io.redmetrics.example.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redmetrics.example.shop.ExportResource;
import io.redmetrics.example.shop.WarehouseResource;
import org.junit.jupiter.api.Test;

/**
 * The duration runs until the response is complete: for a suspended {@code AsyncResponse} and a
 * {@code CompletionStage} until it is resumed on another thread, for a {@code StreamingOutput}
 * until its last byte is written, for a slow method until it returns.
 */
class DurationsIT {

  private final ShopClient shop = ShopClient.fromSystemProperties();

  private void assertTakesAtLeast(long delayMillis, String relative, String path) {
    Recorded recorded = Recorded.during(shop, () -> assertEquals(200, shop.status(relative)));

    assertEquals(
        1,
        recorded.increase("http_request_duration_seconds_count", "path", path),
        recorded::report);
    double seconds = recorded.meanSeconds(path);
    assertTrue(
        seconds >= delayMillis / 1000.0,
        () -> path + " took " + seconds + " s, less than its " + delayMillis + " ms delay\n"
            + recorded.report());
  }

  @Test
  void an_async_response_is_timed_until_it_is_resumed() {
    assertTakesAtLeast(
        WarehouseResource.STOCK_DELAY_MILLIS,
        "warehouse/stock/1",
        "/api/warehouse/stock/{productId}");
  }

  @Test
  void a_completion_stage_is_timed_until_it_completes() {
    assertTakesAtLeast(
        WarehouseResource.ETA_DELAY_MILLIS, "warehouse/eta/1", "/api/warehouse/eta/{productId}");
  }

  @Test
  void a_streaming_output_is_timed_until_it_is_written() {
    assertTakesAtLeast(
        ExportResource.ROWS_DELAY_MILLIS, "export/products.csv", "/api/export/products.csv");
  }

  @Test
  void a_slow_method_is_timed_until_it_returns() {
    assertTakesAtLeast(300, "slow?ms=300", "/api/slow");
  }
}
