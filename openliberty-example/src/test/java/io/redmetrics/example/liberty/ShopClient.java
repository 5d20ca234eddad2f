package io.redmetrics.example.liberty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The shop API on the Liberty server that the build started, over real HTTP/1.1 with the JDK's
 * client. The port comes from the system property {@code shop.port} (the build passes the one it
 * reserved), 9080 when run against {@code liberty:run}.
 */
final class ShopClient {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** How long {@link #settledScrape()} waits for requests still being recorded. */
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(5);

  private final URI base;

  private ShopClient(URI base) {
    this.base = base;
  }

  /** Returns a client of the shop at {@code http://127.0.0.1:${shop.port}/api/}. */
  static ShopClient fromSystemProperties() {
    int port = Integer.getInteger("shop.port", 9080);
    return new ShopClient(URI.create("http://127.0.0.1:" + port + "/api/"));
  }

  /** Returns the response to {@code GET relative}. */
  HttpResponse<String> get(String relative) {
    return send("GET", relative);
  }

  /** Returns the status of {@code GET relative}. */
  int status(String relative) {
    return get(relative).statusCode();
  }

  /** Returns the response to a request without a body. */
  HttpResponse<String> send(String method, String relative) {
    return send(request(relative).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** Returns the response to {@code POST relative} of an HTML form. */
  HttpResponse<String> postForm(String relative, String form) {
    return send(
        request(relative)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Scrapes {@code /api/metrics} once. */
  Scrape scrape() {
    HttpResponse<String> response = get("metrics");
    if (response.statusCode() != 200) {
      throw new AssertionError("GET /api/metrics answered " + response.statusCode());
    }
    return Scrape.parse(response.body());
  }

  /**
   * Scrapes once every request sent so far has been recorded: a request is recorded when its
   * response is complete, which the client may see a moment before the server's own bookkeeping
   * ends. Waits until no request is in flight, at most {@link #SETTLE_TIMEOUT}, then returns the
   * last scrape whatever it shows.
   */
  Scrape settledScrape() {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    Scrape scrape = scrape();
    while (scrape.sum("http_requests_active") > 0 && System.nanoTime() < deadline) {
      pause();
      scrape = scrape();
    }
    return scrape;
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String relative) {
    return HttpRequest.newBuilder(base.resolve(relative)).timeout(Duration.ofSeconds(30));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
