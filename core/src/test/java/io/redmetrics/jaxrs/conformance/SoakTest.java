package io.redmetrics.jaxrs.conformance;

import static io.redmetrics.jaxrs.support.Soak.ANY_STATUS;
import static io.redmetrics.jaxrs.support.SeriesCounts.differences;
import static io.redmetrics.jaxrs.support.Soak.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.LibraryLog;
import io.redmetrics.jaxrs.support.Limit;
import io.redmetrics.jaxrs.support.RawHttp;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ScrapeWatch;
import io.redmetrics.jaxrs.support.SeriesCounts;
import io.redmetrics.jaxrs.support.Soak;
import io.redmetrics.jaxrs.support.TestControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A bounded soak: a few clients send every way a request can end, concurrently, while scrapes run
 * all the while; afterwards every series must match what the server itself counted producing
 * ({@code fixtures/SoakResource}, read through the test control), because clients that leave
 * mid-response never learn their status. The soak runs once, {@value #DEFAULT_SECONDS} s unless
 * the system property {@value #SECONDS} says otherwise (60, 600); each test checks one rule of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoakTest {

  /** The system property giving the soak's length in seconds. */
  static final String SECONDS = "redmetrics.soak.seconds";

  static final long DEFAULT_SECONDS = 60;
  private static final int CLIENTS = 4;
  private static final long MAX_REQUESTS_PER_SECOND = 5_000;
  /** How long the server may take to record what the clients no longer wait for. */
  private static final Duration SETTLE = Duration.ofSeconds(30);

  private final ConformanceRuntime runtime = ConformanceRuntime.current();
  private LibraryLog log;
  private RunningApp app;
  private Http http;
  private Soak soak;
  private ScrapeWatch scrapes;
  private Map<String, Long> produced;
  private Scrape recorded;

  /** The mix, per cycle of 66 requests: every way a request can end. */
  private List<Soak.Scenario> mix() {
    RawHttp raw = new RawHttp(app);
    return List.of(
        scenario("a fast route", 20, "/soak/fast", 200, () -> http.status("soak/fast")),
        scenario("a slow route", 3, "/soak/slow", 200, () -> http.status("soak/slow")),
        scenario("a 404 the resource returns", 4, "/soak/status/{code}", 404, () -> http.status("soak/status/404")),
        scenario("a 422 the resource returns", 2, "/soak/status/{code}", 422, () -> http.status("soak/status/422")),
        scenario("a 503 the resource returns", 2, "/soak/status/{code}", 503, () -> http.status("soak/status/503")),
        scenario("a mapped exception", 3, "/soak/mapped", 409, () -> http.status("soak/mapped")),
        scenario("an unmapped exception", 4, "/soak/unmapped", 500, () -> http.status("soak/unmapped")),
        scenario("an AsyncResponse resumed", 3, "/soak/async", 200, () -> http.status("soak/async")),
        scenario("an AsyncResponse that times out", 3, "/soak/async-timeout", 503, () -> http.status("soak/async-timeout")),
        scenario("an AsyncResponse resumed with an exception", 3, "/soak/async-failure", 500, () -> http.status("soak/async-failure")),
        // The status line (200) may be out before the stream breaks: the client sees either.
        scenario("a StreamingOutput that throws midway", 4, "/soak/broken-stream", ANY_STATUS, () -> raw.getToEnd("/soak/broken-stream")),
        scenario("a StreamingOutput failing with its own IOException midway", 2, "/soak/broken-stream-io", ANY_STATUS, () -> raw.getToEnd("/soak/broken-stream-io")),
        scenario("a client that leaves while the body streams", 4, "/soak/endless", 200, () -> raw.getAndLeave("/soak/endless", 64 * 1024)),
        scenario("a client that leaves before an AsyncResponse times out", 2, "/soak/async-abandoned", ANY_STATUS, () -> raw.getAndLeaveAfter("/soak/async-abandoned", 50)).mayNotArrive(),
        scenario("a client that leaves before a slow response", 2, "/soak/slow", ANY_STATUS, () -> raw.getAndLeaveAfter("/soak/slow", 30)).mayNotArrive(),
        scenario("an application response filter that throws", 5, "/soak/in-filter", 500, () -> http.status("soak/in-filter")));
  }

  @BeforeAll
  void soak() throws Exception {
    log = runtime.runsInThisJvm() ? LibraryLog.watch() : null;
    app = runtime.shop(new PrometheusRegistry());
    http = new Http(app);
    TestControl control = new TestControl(http);
    control.resetOutcomes();
    http.takeBaseline();

    Duration length = Duration.ofSeconds(Long.getLong(SECONDS, DEFAULT_SECONDS));
    try (ScrapeWatch watch = ScrapeWatch.start(http)) {
      scrapes = watch;
      soak = Soak.run(mix(), CLIENTS, length, MAX_REQUESTS_PER_SECOND * length.toSeconds());
    }
    produced = control.outcomes();
    long settling = System.nanoTime();
    recorded = scrapeOnceSettled();
    System.out.printf(
        "SoakTest: %d requests in %d ms, %d scrapes (%d problems), settled in %d ms%n%s%s",
        soak.requests(),
        soak.elapsedMillis(),
        scrapes.scrapes(),
        scrapes.problemCount(),
        (System.nanoTime() - settling) / 1_000_000,
        soak.summary(),
        settled() ? "" : "never settled; the last scrape:\n" + recorded.text());
  }

  @AfterAll
  void stop() {
    if (log != null) {
      log.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void the_server_counted_every_request_the_clients_sent() {
    Map<String, Long> counted = new TreeMap<>();
    soak.sentPerRoute().keySet().forEach(route -> counted.put(route, 0L));
    produced.forEach((series, count) -> counted.merge(series.split(" ")[1], count, Long::sum));
    List<String> wrong = new ArrayList<>();
    counted.forEach(
        (route, count) -> {
          long least = soak.arrivedAtLeast().getOrDefault(route, 0L);
          long most = soak.sentPerRoute().getOrDefault(route, 0L);
          if (count < least || count > most) {
            wrong.add(route + ": the server counted " + count + ", the clients sent " + least + " to " + most);
          }
        });
    assertEquals(List.of(), wrong);
  }

  @Test
  void every_client_saw_the_status_its_route_answers_with() {
    assertEquals(Map.of(), soak.surprises());
  }

  @Test
  void every_route_and_status_is_recorded_exactly_as_often_as_the_server_produced_it() {
    assertEquals(List.of(), differences(expectedRequests(), SeriesCounts.requests(recorded)));
  }

  @Test
  void the_duration_histogram_counts_every_recorded_request() {
    assertEquals(List.of(), differences(expectedRequests(), SeriesCounts.durations(recorded)));
  }

  @Test
  void every_request_answered_with_400_or_more_is_an_error() {
    Map<String, Long> errors = new TreeMap<>(expectedRequests());
    errors.keySet().removeIf(series -> Integer.parseInt(series.split(" ")[2]) < 400);
    assertEquals(List.of(), differences(errors, SeriesCounts.errors(recorded)));
  }

  @Test
  void nothing_stays_in_flight_once_the_soak_ends() {
    assertEquals(List.of(), differences(expectedInFlight(), SeriesCounts.inFlight(recorded)));
  }

  @Test
  void every_concurrent_scrape_is_well_formed_and_no_counter_ever_goes_down() {
    assertEquals(List.of(), scrapes.problems(), scrapes.problemCount() + " problems");
    assertTrue(scrapes.scrapes() >= soak.elapsedMillis() / 1000, scrapes.scrapes() + " scrapes");
  }

  @Test
  void the_library_logged_no_exception() {
    assumeTrue(
        log != null,
        "the application runs in the deployed server's JVM, whose java.util.logging this test"
            + " cannot watch: look for io.redmetrics in the server's messages.log instead");
    assertEquals(List.of(), log.failures());
  }

  /**
   * What the server produced is what must be recorded, but where the runtime declares that a
   * response filter that throws is not recorded: those requests stay in flight instead.
   */
  private Map<String, Long> expectedRequests() {
    Map<String, Long> expected = new TreeMap<>(produced);
    if (runtime.declares(Limit.UNANSWERED_FAILURES_ARE_NOT_RECORDED)) {
      expected.remove(THROWING_FILTER);
    }
    return expected;
  }

  private Map<String, Long> expectedInFlight() {
    Map<String, Long> expected = new TreeMap<>();
    if (runtime.declares(Limit.UNANSWERED_FAILURES_ARE_NOT_RECORDED)
        && produced.containsKey(THROWING_FILTER)) {
      expected.put("GET /soak/in-filter", produced.get(THROWING_FILTER));
    }
    return expected;
  }

  private static final String THROWING_FILTER = "GET /soak/in-filter 500";

  /**
   * Scrapes until the server has recorded what it produced and nothing is in flight that should
   * not be (it may record a client that left later), or {@link #SETTLE} has passed; the tests
   * then judge the last scrape.
   */
  private Scrape scrapeOnceSettled() throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    Scrape scrape = http.scrape();
    while (System.nanoTime() < deadline && !settled(scrape)) {
      Thread.sleep(100); // polling the scrape, with a deadline
      scrape = http.scrape();
    }
    return scrape;
  }

  private boolean settled() {
    return settled(recorded);
  }

  private boolean settled(Scrape scrape) {
    return SeriesCounts.requests(scrape).equals(expectedRequests())
        && SeriesCounts.durations(scrape).equals(expectedRequests())
        && SeriesCounts.inFlight(scrape).equals(expectedInFlight());
  }
}
