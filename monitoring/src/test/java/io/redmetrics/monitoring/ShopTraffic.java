package io.redmetrics.monitoring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A known mix of requests to the shop example: successes, 4xx, 5xx and slow ones, counted by the
 * {@code path} and {@code status_code} labels they must be recorded under.
 */
final class ShopTraffic {

  /** One kind of request of a round. */
  record Call(String uri, int times, String path, int status) {}

  /** Each round: 11 requests, 4 of them errors (3 4xx, one 5xx), one slow. */
  static final List<Call> ROUND =
      List.of(
          new Call("products", 4, "/products", 200),
          new Call("products/1", 2, "/products/{id}", 200),
          new Call("products/42", 2, "/products/{id}", 404),
          new Call("reports/daily", 1, "/reports/daily", 500),
          new Call("no/such/page", 1, "UNMATCHED", 404),
          new Call("slow?ms=" + ShopTraffic.SLOW_MILLIS, 1, "/slow", 200));

  /** How long the slow request takes at least. */
  static final int SLOW_MILLIS = 300;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI base;
  private final Map<String, Integer> sent = new TreeMap<>();

  ShopTraffic(URI base) {
    this.base = base;
  }

  /**
   * Sends one round, checking each answer's status.
   *
   * @throws Exception when a request fails or answers another status
   */
  void round() throws Exception {
    for (Call call : ROUND) {
      for (int i = 0; i < call.times(); i++) {
        HttpRequest request =
            HttpRequest.newBuilder(base.resolve(call.uri()))
                .timeout(Duration.ofSeconds(10))
                .build();
        int status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != call.status()) {
          throw new AssertionError("GET " + call.uri() + " answered " + status);
        }
        sent.merge(key(call.path(), String.valueOf(status)), 1, Integer::sum);
      }
    }
  }

  /** Requests sent so far, by {@code path status_code}. */
  Map<String, Integer> sent() {
    return sent;
  }

  int total() {
    return sent.values().stream().mapToInt(Integer::intValue).sum();
  }

  int errors() {
    return sent.entrySet().stream()
        .filter(e -> Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf(' ') + 1)) >= 400)
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  static String key(String path, String status) {
    return path + " " + status;
  }
}
