package io.redmetrics.jaxrs.support;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scrapes all the while a soak runs, in turn in the Prometheus text format and in OpenMetrics,
 * on a thread of its own: every scrape must answer 200, be well-formed ({@link ScrapeFormat}),
 * and show no counter or histogram sample lower than, or missing from, the previous scrape in its
 * format. Scrapes are paced, not back to back, to leave the cores to the requests.
 */
public final class ScrapeWatch implements AutoCloseable {

  private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  private static final long PAUSE_MS = 50;
  /** Enough problems to diagnose; a broken scrape tends to repeat. */
  private static final int KEPT_PROBLEMS = 20;

  private final Http http;
  private final Thread thread;
  private final List<String> problems = new ArrayList<>();
  private final Map<Boolean, Scrape> previous = new HashMap<>();
  private volatile boolean stopped;
  private int scrapes;
  private int problemCount;

  private ScrapeWatch(Http http) {
    this.http = http;
    this.thread = new Thread(this::run, "scrape-watch");
  }

  /** Starts scraping {@code metrics} of {@code http}'s application. */
  public static ScrapeWatch start(Http http) {
    ScrapeWatch watch = new ScrapeWatch(http);
    watch.thread.setDaemon(true);
    watch.thread.start();
    return watch;
  }

  private void run() {
    boolean openMetrics = false;
    while (!stopped) {
      scrapeOnce(openMetrics);
      openMetrics = !openMetrics;
      try {
        Thread.sleep(PAUSE_MS); // pacing, not waiting for anything
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void scrapeOnce(boolean openMetrics) {
    String format = openMetrics ? "OpenMetrics" : "text format";
    List<String> found = new ArrayList<>();
    try {
      HttpResponse<byte[]> response =
          openMetrics ? http.get("metrics", "Accept", OPEN_METRICS) : http.get("metrics");
      String text = new String(response.body(), StandardCharsets.UTF_8);
      if (response.statusCode() != 200) {
        found.add("answered " + response.statusCode());
      } else {
        found.addAll(ScrapeFormat.problems(text, openMetrics));
        Scrape scrape = Scrape.parse(text);
        Scrape before = previous.put(openMetrics, scrape);
        if (before != null) {
          found.addAll(decreases(before, scrape));
        }
      }
    } catch (RuntimeException e) {
      found.add("failed: " + e);
    }
    synchronized (this) {
      scrapes++;
      problemCount += found.size();
      for (String problem : found) {
        if (problems.size() < KEPT_PROBLEMS) {
          problems.add("scrape " + scrapes + " (" + format + "): " + problem);
        }
      }
    }
  }

  /** The cumulative samples of {@code before} that {@code after} lacks or shows lower. */
  private static List<String> decreases(Scrape before, Scrape after) {
    Map<List<Object>, Double> now = new HashMap<>();
    for (Scrape.Sample sample : after.where(s -> !s.isGauge())) {
      now.put(List.of(sample.name, sample.labels), sample.value);
    }
    List<String> found = new ArrayList<>();
    for (Scrape.Sample sample : before.where(s -> !s.isGauge())) {
      Double later = now.get(List.of(sample.name, sample.labels));
      if (later == null || later < sample.value) {
        found.add("went down from " + sample + " to " + later);
      }
    }
    return found;
  }

  /** Stops scraping, after the scrape under way. */
  @Override
  public void close() {
    stopped = true;
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The scrapes taken so far. */
  public synchronized int scrapes() {
    return scrapes;
  }

  /** How many problems the scrapes showed, all told. */
  public synchronized int problemCount() {
    return problemCount;
  }

  /** The first problems the scrapes showed; empty when none. */
  public synchronized List<String> problems() {
    return new ArrayList<>(problems);
  }
}
