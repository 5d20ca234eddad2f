package io.redmetrics.jaxrs.support;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fixtures' state, over HTTP through {@code io.redmetrics.jaxrs.fixtures.TestControlResource},
 * so that a test drives it the same way in its own JVM and on a server: requests held in flight,
 * a client that went away, the requests that reached any provider, what the soak routes produced.
 */
public final class TestControl {

  private final Http http;

  public TestControl(Http http) {
    this.http = http;
  }

  /** Holds the next {@code requests} requests to {@code timing/held} until {@link #releaseHeld()}. */
  public void holdRequests(int requests) {
    expect(204, http.post("test-control/gate?requests=" + requests, ""));
  }

  /** Whether the held requests all arrived within {@code timeout}. */
  public boolean awaitHeld(Duration timeout) {
    return Boolean.parseBoolean(text(http.get("test-control/gate/entered?timeoutMs=" + timeout.toMillis())));
  }

  /** Lets the held requests complete. */
  public void releaseHeld() {
    expect(204, http.post("test-control/gate/open", ""));
  }

  /** Starts watching for the next client of {@code timing/endless} to go away. */
  public void watchClientLeaving() {
    expect(204, http.post("test-control/client-gone", ""));
  }

  /** Whether {@code timing/endless} found its client gone within {@code timeout}. */
  public boolean awaitClientGone(Duration timeout) {
    return Boolean.parseBoolean(text(http.get("test-control/client-gone?timeoutMs=" + timeout.toMillis())));
  }

  /** The requests that reached a Jakarta REST provider of the shop's JVM, the control's own left out. */
  public long seenRequests() {
    return Long.parseLong(text(http.get("test-control/seen")).trim());
  }

  /**
   * The tags ({@code X-Request-Tag} numbers) of the requests that reached a Jakarta REST provider
   * since the last call; the shop forgets them.
   */
  public BitSet takeSeenTags() {
    return BitSet.valueOf(Base64.getDecoder().decode(text(http.post("test-control/seen/tags", "")).trim()));
  }

  /** Forgets what the soak routes produced, before a soak. */
  public void resetOutcomes() {
    expect(204, http.post("test-control/outcomes/reset", ""));
  }

  /**
   * What the soak routes ({@code io.redmetrics.jaxrs.fixtures.SoakResource}) counted themselves
   * producing since the last reset, keyed as {@link SeriesCounts} keys them: the server's ground
   * truth.
   */
  public Map<String, Long> outcomes() {
    Map<String, Long> outcomes = new TreeMap<>();
    for (String line : text(http.get("test-control/outcomes")).split("\n")) {
      if (!line.isBlank()) {
        int last = line.lastIndexOf(' ');
        outcomes.put(line.substring(0, last), Long.parseLong(line.substring(last + 1)));
      }
    }
    return outcomes;
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(expect(200, response).body(), StandardCharsets.UTF_8);
  }

  private static HttpResponse<byte[]> expect(int status, HttpResponse<byte[]> response) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          "the test control answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response;
  }
}
