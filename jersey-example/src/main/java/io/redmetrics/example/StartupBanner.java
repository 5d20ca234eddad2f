package io.redmetrics.example;

import java.net.URI;

/** The text printed once the server listens: where it is and what to try. */
final class StartupBanner {

  private StartupBanner() {}

  /**
   * Returns the banner.
   *
   * @param base the server's base URI, ending in a slash
   * @param metricsPath the metrics endpoint below {@code base}, as configured; empty when off
   */
  static String text(URI base, String metricsPath) {
    return """
        Shop API (service="shop") listening on %1$s

        Try it:
          curl %1$sproducts
          curl %1$sproducts/1
          curl %1$sproducts/42                          # 404, path="/products/{id}"
          curl %1$sproducts/sku/MUG-100                 # path="/products/sku/{sku}"
          curl -d 'sku=CUP-400&name=Espresso cup&priceCents=800&stock=5' %1$sproducts
          curl %1$sorders/1/lines
          curl %1$sorders/1/lines/2                     # path="/orders/{orderId}/lines/{lineId}"
          curl -d 'productId=1&quantity=1' %1$sorders
          curl -d 'productId=3&quantity=1' %1$sorders    # 409, mapped OutOfStockException
          curl %1$sreports/daily                        # 500, unmapped: Jersey logs its stack trace
          curl '%1$sslow?ms=300'
          curl %1$swarehouse/stock/1                    # AsyncResponse, resumed after 200 ms
          curl %1$swarehouse/eta/3                      # CompletionStage
          curl %1$sexport/products.csv                  # StreamingOutput
          curl %1$sno/such/page                         # 404, path="UNMATCHED"

        %2$s
        Press Ctrl+C to stop.
        """
        .formatted(base, metrics(base, metricsPath));
  }

  private static String metrics(URI base, String metricsPath) {
    if (metricsPath.isEmpty()) {
      return "Metrics: the endpoint is off (redmetrics.metrics-path is empty).\n";
    }
    String url = base + metricsPath;
    return """
        Metrics:
          curl %1$s
          curl -H 'Accept: application/openmetrics-text; version=1.0.0; charset=utf-8' %1$s
        """
        .formatted(url);
  }
}
