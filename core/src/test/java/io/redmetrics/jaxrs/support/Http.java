package io.redmetrics.jaxrs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Real HTTP against a {@link RunningApp}, with the JDK's client; its scrapes show what changed
 * since a {@linkplain #takeBaseline() baseline}, so that a test on a long-lived deployment sees
 * only what its own requests recorded.
 */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final RunningApp app;
  private Scrape baseline = Scrape.EMPTY;

  public Http(RunningApp app) {
    this.app = app;
  }

  /**
   * Scrapes {@code metrics} now, as the baseline that later scrapes are compared with. Empty until
   * taken, and empty on an application that has just started with a registry of its own.
   */
  public void takeBaseline() {
    baseline = fullScrape("metrics");
  }

  /** What changed between the baseline and {@code scrape}, a scrape this test parsed itself. */
  public Scrape sinceBaseline(Scrape scrape) {
    return scrape.since(baseline);
  }

  /** Sends {@code GET relative} and returns the response. */
  public HttpResponse<byte[]> get(String relative, String... headers) {
    return send("GET", relative, headers);
  }

  /** Sends a request without a body and returns the response. */
  public HttpResponse<byte[]> send(String method, String relative, String... headers) {
    return send(request(method, relative, headers).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** Sends {@code POST relative} with a text body. */
  public HttpResponse<byte[]> post(String relative, String body) {
    return send(
        request("POST", relative)
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The status code of {@code GET relative}. */
  public int status(String relative) {
    return get(relative).statusCode();
  }

  /**
   * Scrapes {@code metrics} below the base URI in the Prometheus text format: what changed since
   * the baseline, everything when none was taken.
   */
  public Scrape scrape() {
    return scrape("metrics");
  }

  /** Scrapes {@code relative} in the Prometheus text format; what changed since the baseline. */
  public Scrape scrape(String relative) {
    return sinceBaseline(fullScrape(relative));
  }

  private Scrape fullScrape(String relative) {
    HttpResponse<byte[]> response = get(relative);
    if (response.statusCode() != 200) {
      throw new AssertionError("scrape of " + relative + " answered " + response.statusCode());
    }
    return Scrape.parse(new String(response.body(), StandardCharsets.UTF_8));
  }

  /**
   * Scrapes until {@code condition} holds, for what a runtime records after the client already has
   * its response (a client that went away); fails with the last scrape after the deadline.
   */
  public Scrape scrapeUntil(Predicate<Scrape> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Scrape scrape = scrape();
    while (!condition.test(scrape)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the scrape never showed what was expected:\n" + scrape.text());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      scrape = scrape();
    }
    return scrape;
  }

  private HttpRequest.Builder request(String method, String relative, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(app.uri(relative)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
