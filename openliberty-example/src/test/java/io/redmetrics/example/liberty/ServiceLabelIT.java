package io.redmetrics.example.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code service} label is {@code shop} in both styles: from the JVM system property in
 * {@code jvm.options} when the feature is discovered (Liberty passes it no Application
 * properties), from {@code getProperties()} when it is registered explicitly.
 */
class ServiceLabelIT {

  private final ShopClient shop = ShopClient.fromSystemProperties();

  @Test
  void every_series_has_the_configured_service() {
    shop.status("products/1");

    Scrape scrape = shop.settledScrape();
    assertEquals(
        Set.of("shop"), scrape.labelValues("http_requests_total", "service"), scrape::lines);
  }
}
