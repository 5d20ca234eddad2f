package io.redmetrics.example.liberty;

/**
 * What the server recorded for some traffic: the scrape before and the settled scrape after, so
 * that tests sharing one server see only their own requests. Failure messages show the lines the
 * server wrote.
 */
final class Recorded {

  private final Scrape before;
  private final Scrape after;

  private Recorded(Scrape before, Scrape after) {
    this.before = before;
    this.after = after;
  }

  /** Scrapes, sends the traffic, and scrapes again once it has been recorded. */
  static Recorded during(ShopClient shop, Runnable traffic) {
    Scrape before = shop.settledScrape();
    traffic.run();
    return new Recorded(before, shop.settledScrape());
  }

  /** Returns how much the samples named {@code name} with these labels grew. */
  double increase(String name, String... labelPairs) {
    return after.sum(name, labelPairs) - before.sum(name, labelPairs);
  }

  /** Returns how much {@code http_requests_total} grew for one series. */
  double requests(String method, String path, String status) {
    return increase(
        "http_requests_total", "method", method, "path", path, "status_code", status);
  }

  /** Returns how much {@code http_errors_total} grew for one series. */
  double errors(String method, String path, String status) {
    return increase("http_errors_total", "method", method, "path", path, "status_code", status);
  }

  /** Returns the mean duration in seconds of the requests recorded for {@code path}. */
  double meanSeconds(String path) {
    double count = increase("http_request_duration_seconds_count", "path", path);
    return increase("http_request_duration_seconds_sum", "path", path) / count;
  }

  /** Returns the scrape after the traffic. */
  Scrape after() {
    return after;
  }

  /** Returns the RED metric lines after the traffic, bucket lines left out, for messages. */
  String report() {
    return "/api/metrics after the requests (buckets left out):\n" + after.lines();
  }
}
