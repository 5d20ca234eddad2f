package io.redmetrics.example.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code service} label: {@code shop} where the application gives {@code
 * redmetrics.service} in {@code getProperties()} (the explicit style); the default {@code jaxrs}
 * in the discovered style, which configures nothing.
 */
class ServiceLabelIT {

  private final ShopClient shop = ShopClient.fromSystemProperties();

  @Test
  void every_series_has_the_configured_service() {
    shop.status("products/1");

    Scrape scrape = shop.settledScrape();
    String expected =
        System.getProperty("shop.registration", "discovered").equals("explicit")
            ? "shop"
            : "jaxrs";
    assertEquals(
        Set.of(expected), scrape.labelValues("http_requests_total", "service"), scrape::lines);
  }
}
