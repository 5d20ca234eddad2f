package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.HostileRequests;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.Limit;
import io.redmetrics.jaxrs.support.RawHttp;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopRoutes;
import io.redmetrics.jaxrs.support.TestControl;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile traffic to the shop (issue 7): a seeded, bounded run of malformed, odd and abandoned
 * requests ({@link HostileRequests}), sent once before the rules below are checked on what it
 * recorded. {@value #REQUESTS_PROPERTY} sets the number of hostile requests (default {@value
 * #DEFAULT_REQUESTS}); {@value #LIST_PROPERTY} prints each request and what its client saw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTrafficTest {

  static final String REQUESTS_PROPERTY = "redmetrics.hostile.requests";
  static final int DEFAULT_REQUESTS = 20_000;
  /** Set to {@code true} to print every request with the status its client saw. */
  static final String LIST_PROPERTY = "redmetrics.hostile.list";
  private static final int REQUESTS = Integer.getInteger(REQUESTS_PROPERTY, DEFAULT_REQUESTS);
  private static final long SEED = 7_2026_11_24L;
  /** The share of hostile requests after which the set of series must stop growing. */
  private static final int FIRST_PASS_PERCENT = 30;
  private static final int CLIENTS = 4;
  private static final int READ_TIMEOUT_MS = 5_000;
  /**
   * How far the library's live objects may grow over a replay of the first pass (6,000 requests by
   * default), whose series exist already: one object kept per request would exceed it.
   */
  private static final long HEAP_TOLERANCE_BYTES = 8 * 1024;
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final Set<String> FAMILIES =
      Set.of("http_requests_total", "http_request_duration_seconds", "http_errors_total", "http_requests_active");
  /** Statuses HTTP does not define, labelled {@code _OTHER}. */
  private static final String OTHER_CLASS = "_OTHER";
  private static final Set<String> LABEL_NAMES = Set.of("method", "path", "status_code", "service", "le");

  private final ConformanceRuntime runtime = ConformanceRuntime.current();
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private RunningApp app;
  private Http http;
  private TestControl control;
  private Set<String> avoided;

  /** The status each request's client saw, by tag; {@link RawHttp#NO_STATUS} for none. */
  private int[] statuses;
  private int wellFormed;
  private BitSet seen;
  private Set<String> seriesAfterFirstPass;
  private final Map<String, Set<String>> labelValuesAfterFirstPass = new TreeMap<>();
  private Scrape afterRun;
  private long heapBefore;
  private long heapAfterFirstPass;
  private long heapAfter;
  private long heapBeforeReplay;
  private long heapAfterReplay;
  private long millis;

  @BeforeAll
  void sendHostileTraffic() throws Exception {
    app = runtime.shop(registry);
    http = new Http(app);
    control = new TestControl(http);
    http.takeBaseline();
    control.takeSeenTags();
    avoided = avoidedRoutes();

    HostileRequests generator = new HostileRequests(SEED, app.base(), avoided);
    List<HostileRequests.Request> warmUp = generator.wellFormed(1);
    wellFormed = warmUp.size();
    statuses = new int[1 + wellFormed + REQUESTS];
    send(warmUp);
    awaitSettled();
    heapBefore = usedHeap();

    long start = System.nanoTime();
    int firstPass = REQUESTS * FIRST_PASS_PERCENT / 100;
    List<HostileRequests.Request> firstPassRequests = next(generator, 1 + wellFormed, firstPass);
    send(firstPassRequests);
    Scrape firstPassScrape = awaitSettled();
    seriesAfterFirstPass = series(firstPassScrape);
    for (String label : List.of("method", "path", "status_code")) {
      labelValuesAfterFirstPass.put(label, labelValues(firstPassScrape, label));
    }
    firstPassScrape = null;
    heapAfterFirstPass = usedHeap();
    send(next(generator, 1 + wellFormed + firstPass, REQUESTS - firstPass));
    millis = (System.nanoTime() - start) / 1_000_000;
    awaitSettled();
    heapAfter = usedHeap(); // before the test holds the scrape below
    afterRun = http.scrape();
    seen = control.takeSeenTags();
    // The first pass once more: its series exist, so nothing it does may stay behind in memory.
    int[] replayStatuses = new int[statuses.length];
    heapBeforeReplay = usedHeap();
    send(firstPassRequests, replayStatuses);
    awaitSettled();
    control.takeSeenTags();
    heapAfterReplay = usedHeap();
    printFigures();
  }

  @AfterAll
  void stopShop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void every_label_is_a_declared_template_or_method_or_a_status_code_never_what_the_client_sent() {
    Set<String> paths = ShopRoutes.pathLabels();
    Set<String> methods = ShopRoutes.methodLabels();
    List<String> outside = new ArrayList<>();
    for (Scrape.Sample sample : afterRun.where(s -> FAMILIES.contains(s.family))) {
      Map<String, String> labels = sample.labels;
      boolean within =
          LABEL_NAMES.containsAll(labels.keySet())
              && paths.contains(labels.get("path"))
              && methods.contains(labels.get("method"))
              && (!labels.containsKey("status_code")
                  || labels.get("status_code").matches("[1-5][0-9]{2}|_OTHER"))
              && runtime.shopService().equals(labels.get("service"));
      if (!within) {
        outside.add(sample.toString());
      }
    }
    assertTrue(outside.isEmpty(), "labels outside what the routes allow:\n" + String.join("\n", outside));
  }

  /**
   * A label fed by what clients send would add series with every request. Once the first 30 % have
   * run, the rest may still meet a combination of method, route and status for the first time,
   * but never a path the run had not already recorded. (Methods and status codes are bounded by
   * the first rule, and a standard one may turn up late by chance.)
   */
  @Test
  void after_the_first_30_percent_the_rest_add_no_path_only_combinations_of_known_ones() {
    Set<String> added = new TreeSet<>(series(afterRun));
    added.removeAll(seriesAfterFirstPass);
    List<String> newValues = new ArrayList<>();
    for (String label : List.of("path")) {
      Set<String> values = new TreeSet<>(labelValues(afterRun, label));
      values.removeAll(labelValuesAfterFirstPass.get(label));
      values.forEach(value -> newValues.add(label + "=" + value));
    }
    assertTrue(
        newValues.isEmpty(),
        "label values first recorded after the first pass: "
            + newValues
            + "\n("
            + seriesAfterFirstPass.size()
            + " series after the first pass; the rest added "
            + String.join("\n", added)
            + ")");
  }

  @Test
  void every_request_that_reached_a_provider_is_recorded_in_the_status_class_its_client_saw() {
    Map<String, Integer> clients = new TreeMap<>();
    int unknown = 0;
    for (int tag = seen.nextSetBit(0); tag >= 0; tag = seen.nextSetBit(tag + 1)) {
      if (statuses[tag] == RawHttp.NO_STATUS) {
        unknown++;
      } else {
        clients.merge(statusClass(statuses[tag]), 1, Integer::sum);
      }
    }
    Map<String, Integer> recorded = new TreeMap<>();
    for (Scrape.Sample sample : afterRun.samples("http_requests_total")) {
      String code = sample.labels.get("status_code");
      recorded.merge(
          code.equals("_OTHER") ? OTHER_CLASS : statusClass(Integer.parseInt(code)),
          (int) sample.value,
          Integer::sum);
    }
    String figures =
        "clients saw " + clients + " and no status " + unknown + " times; recorded " + recorded + "\n" + afterRun.text();
    int total = recorded.values().stream().mapToInt(Integer::intValue).sum();
    // Under the limit, a request whose answer fails outside Jakarta REST is lost: the runtime
    // sends 500 (RESTEasy's default mapper fails on a path or query that is no URI).
    boolean losesFailures = runtime.declares(Limit.UNANSWERED_FAILURES_ARE_NOT_RECORDED);
    int lost = seen.cardinality() - total;
    if (losesFailures) {
      assertTrue(lost >= 0 && lost <= clients.getOrDefault("5xx", 0) + unknown, figures);
    } else {
      assertEquals(seen.cardinality(), total, figures);
    }
    Set<String> classes = new TreeSet<>(clients.keySet());
    classes.addAll(recorded.keySet());
    for (String statusClass : classes) {
      int saw = clients.getOrDefault(statusClass, 0);
      int counted = recorded.getOrDefault(statusClass, 0);
      int fewest = losesFailures && statusClass.equals("5xx") ? saw - lost : saw;
      // A client that left before its status line may have been sent any status.
      assertTrue(
          counted >= fewest && counted <= saw + unknown,
          statusClass + ": the clients saw " + saw + ", " + counted + " were recorded; " + figures);
    }
  }

  @Test
  void no_request_stays_in_flight() {
    Scrape scrape = http.scrapeUntil(s -> s.sum("http_requests_active") == 0, DEADLINE);
    assertEquals(0, scrape.sum("http_requests_active"), scrape.text());
  }

  /**
   * The first pass sent once more, after the run: its series, the runtime's caches and the
   * histograms' buckets exist by then, so whatever the replay leaves in memory is kept per
   * request. (From before the run, the heap grows legitimately with the series the run creates.)
   */
  @Test
  void replaying_requests_whose_series_exist_leaves_no_object_of_the_library_behind() {
    assumeTrue(
        runtime.runsInThisJvm(),
        "the shop runs in another JVM (a deployed WAR): the test cannot see its heap");
    assertTrue(
        Math.abs(heapAfterReplay - heapBeforeReplay) <= HEAP_TOLERANCE_BYTES,
        "the library's live objects before the run "
            + heapBefore
            + " B, after the first pass "
            + heapAfterFirstPass
            + " B, after the run "
            + heapAfter
            + " B, before replaying the first pass "
            + heapBeforeReplay
            + " B, after "
            + heapAfterReplay
            + " B");
  }

  /**
   * Routes the run leaves alone: those that hold a request for seconds by design, and one whose
   * failure this runtime documents as a limit (it would stay in flight forever).
   */
  private Set<String> avoidedRoutes() {
    Set<String> avoided = new HashSet<>(Set.of("/timing/held", "/timing/endless"));
    if (runtime.declares(Limit.UNANSWERED_FAILURES_ARE_NOT_RECORDED)) {
      // With a hostile query, these end in a failure the runtime answers outside Jakarta REST.
      avoided.addAll(
          Set.of(
              "/failures/in-filter",
              "/failures/unmapped",
              "/failures/checked",
              "/failures/error",
              "/failures/web/{status}"));
    }
    return avoided;
  }

  private static List<HostileRequests.Request> next(HostileRequests generator, int firstTag, int count) {
    List<HostileRequests.Request> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      requests.add(generator.next(firstTag + i));
    }
    return requests;
  }

  /** Sends {@code requests} from a few client threads, each on a connection of its own. */
  private void send(List<HostileRequests.Request> requests) throws Exception {
    send(requests, statuses);
  }

  /** Sends {@code requests}, keeping what each client saw in {@code into}, by tag. */
  private void send(List<HostileRequests.Request> requests, int[] into) throws Exception {
    RawHttp raw = new RawHttp(app);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (HostileRequests.Request request : requests) {
        sent.add(
            clients.submit(
                () ->
                    into[request.tag()] =
                        raw.exchange(request.bytes(), request.leaving(), READ_TIMEOUT_MS)));
      }
      for (Future<?> request : sent) {
        request.get(1, TimeUnit.MINUTES);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /**
   * Scrapes until nothing is in flight and two scrapes in a row count the same requests: a client
   * that went away may leave its request to end a little later.
   */
  private Scrape awaitSettled() {
    double[] last = {-1};
    return http.scrapeUntil(
        scrape -> {
          double total = scrape.sum("http_requests_total");
          boolean settled = scrape.sum("http_requests_active") == 0 && total == last[0];
          last[0] = total;
          return settled;
        },
        DEADLINE);
  }

  /** The series of the four families: family and labels, a histogram's buckets as one. */
  private static Set<String> series(Scrape scrape) {
    Set<String> series = new TreeSet<>();
    for (Scrape.Sample sample : scrape.where(s -> FAMILIES.contains(s.family))) {
      Map<String, String> labels = new TreeMap<>(sample.labels);
      labels.remove("le");
      series.add(sample.family + labels);
    }
    return series;
  }

  private static Set<String> labelValues(Scrape scrape, String label) {
    Set<String> values = new TreeSet<>();
    for (Scrape.Sample sample : scrape.where(s -> FAMILIES.contains(s.family) && s.labels.containsKey(label))) {
      values.add(sample.labels.get(label));
    }
    return values;
  }

  /** The class of a status: {@code 2xx}, or {@link #OTHER_CLASS} outside 100 to 599. */
  private static String statusClass(int status) {
    return status >= 100 && status <= 599 ? status / 100 + "xx" : OTHER_CLASS;
  }

  /**
   * The bytes of the library's and the Prometheus client's objects alive after a full collection,
   * from HotSpot's class histogram of this JVM ({@code jcmd GC.class_histogram}). Not the whole
   * heap: the container keeps the state of connections the hostile clients reset until it cleans
   * them up, a megabyte more or less from one snapshot to the next, while whatever the library
   * keeps per request or per key (its request state, its cache keys, data points) is an object
   * of one of these two.
   */
  private static long usedHeap() throws Exception {
    String histogram =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {null},
                    new String[] {String[].class.getName()});
    long live = 0;
    for (String line : histogram.split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length >= 4
          && columns[0].endsWith(":")
          && (columns[3].startsWith("io.redmetrics.jaxrs.")
              || columns[3].startsWith("io.prometheus.metrics."))
          && !columns[3].startsWith("io.redmetrics.jaxrs.support.")
          && !columns[3].startsWith("io.redmetrics.jaxrs.conformance.")) {
        live += Long.parseLong(columns[2]);
      }
    }
    return live;
  }




  /** The figures of the run, for the README: what reached a provider, what the container answered. */
  private void printFigures() {
    Map<Integer, Integer> reached = new TreeMap<>();
    Map<Integer, Integer> containerAnswered = new TreeMap<>();
    for (int tag = 1; tag < statuses.length; tag++) {
      (seen.get(tag) ? reached : containerAnswered).merge(statuses[tag], 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder();
    out.append(String.format(
        "hostile traffic on %s: %d well-formed, then %d hostile requests (seed %d) in %d ms from %d clients%n",
        runtimeName(), wellFormed, REQUESTS, SEED, millis, CLIENTS));
    out.append(String.format(
        "  reached a provider: %d, by status the client saw (0: none) %s%n", seen.cardinality(), reached));
    out.append(String.format(
        "  answered by the container: %d, by status %s%n",
        statuses.length - 1 - seen.cardinality(), containerAnswered));
    out.append(String.format(
        "  series: %d after the first %d %%, %d after the run%n",
        seriesAfterFirstPass.size(), FIRST_PASS_PERCENT, series(afterRun).size()));
    if (runtime.runsInThisJvm()) {
      out.append(String.format(
          "  the library's live objects: %d B before, %d B after the first pass, %d B after the"
              + " run; %d B before and %d B after a replay of the first pass%n",
          heapBefore, heapAfterFirstPass, heapAfter, heapBeforeReplay, heapAfterReplay));
    }
    System.out.print(out);
    if (Boolean.getBoolean(LIST_PROPERTY)) {
      HostileRequests again = new HostileRequests(SEED, app.base(), avoided);
      List<HostileRequests.Request> all = new ArrayList<>(again.wellFormed(1));
      all.addAll(next(again, 1 + wellFormed, REQUESTS));
      for (HostileRequests.Request r : all) {
        System.out.println("  " + statuses[r.tag()] + (seen.get(r.tag()) ? " provider " : " container ") + r);
      }
    }
  }

  private String runtimeName() {
    return runtime.runsInThisJvm()
        ? jakarta.ws.rs.ext.RuntimeDelegate.getInstance().getClass().getName()
        : app.base().toString();
  }
}
