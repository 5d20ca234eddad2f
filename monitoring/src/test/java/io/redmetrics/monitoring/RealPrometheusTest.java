package io.redmetrics.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.redmetrics.example.ShopApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit against real Prometheus servers: the Jersey example's application in-process, and two
 * Prometheus scraping it every second and evaluating {@code red-rules.yml} every second, one with
 * classic buckets (the default), one with {@code --enable-feature=native-histograms}. After a known
 * mix of requests, every recording rule and every dashboard query answers, and the answers agree
 * with what was sent.
 */
class RealPrometheusTest {

  private static final String JOB = "shop";
  private static final String SERVICE = "shop";
  private static final int ROUNDS = 8;

  /** For each wait below; the whole class takes about 20 s. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static final String CLASSIC = "http_request_duration_seconds_bucket";
  private static final String NATIVE = "http_request_duration_seconds";

  private static HttpServer shop;
  private static Prometheus classic;
  private static Prometheus nativeHistograms;
  private static ShopTraffic traffic;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    Path binary = Binaries.require("prometheus");
    shop =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:0/"), new ShopApplication());
    URI base =
        URI.create("http://127.0.0.1:" + shop.getListeners().iterator().next().getPort() + "/");
    String config = config(base);
    classic = Prometheus.start(binary, dir.resolve("classic"), config);
    nativeHistograms =
        Prometheus.start(
            binary, dir.resolve("native"), config, "--enable-feature=native-histograms");
    for (Prometheus prometheus : List.of(classic, nativeHistograms)) {
      Poll.until(
          "the shop is up",
          WAIT,
          () -> prometheus.query("up{job=\"shop\"} == 1"),
          r -> r.size() == 1);
    }

    traffic = new ShopTraffic(base);
    for (int i = 0; i < ROUNDS; i++) {
      traffic.round();
    }
    for (Prometheus prometheus : List.of(classic, nativeHistograms)) {
      JsonNode scraped =
          Poll.until(
              "a scrape after the last request",
              WAIT,
              () -> prometheus.query("sum(http_requests_total{job=\"shop\"})"),
              r -> r.size() == 1 && r.get(0).path("value").get(1).asDouble() == traffic.total());
      double scrapedAt = scraped.get(0).path("value").get(0).asDouble();
      Poll.until(
          "every rule group evaluated after that scrape",
          WAIT,
          () -> prometheus.api("api/v1/rules"),
          rules -> evaluatedAfter(rules, scrapedAt));
    }
  }

  @AfterAll
  static void stop() {
    try {
      if (classic != null) {
        classic.close();
      }
    } finally {
      try {
        if (nativeHistograms != null) {
          nativeHistograms.close();
        }
      } finally {
        if (shop != null) {
          shop.shutdownNow();
        }
      }
    }
  }

  private static String config(URI shopBase) {
    String rules = Kit.rules().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    return String.join(
        "\n",
        "global:",
        "  scrape_interval: 1s",
        "  scrape_timeout: 1s",
        "  evaluation_interval: 1s",
        "rule_files:",
        "  - \"" + rules + "\"",
        "scrape_configs:",
        "  - job_name: " + JOB,
        "    metrics_path: /metrics",
        "    static_configs:",
        "      - targets: [\"" + shopBase.getHost() + ":" + shopBase.getPort() + "\"]",
        "");
  }

  private static boolean evaluatedAfter(JsonNode rules, double epochSeconds) {
    for (JsonNode group : rules.path("groups")) {
      String last = group.path("lastEvaluation").asText();
      if (last.isEmpty() || last.startsWith("0001-")) {
        return false;
      }
      OffsetDateTime at = OffsetDateTime.parse(last);
      double seconds = at.toEpochSecond() + at.getNano() / 1e9;
      if (seconds <= epochSeconds) {
        return false;
      }
    }
    return true;
  }

  @Test
  void prometheus_scrapes_the_shop_and_its_target_is_up() throws Exception {
    for (Prometheus prometheus : List.of(classic, nativeHistograms)) {
      JsonNode targets = prometheus.api("api/v1/targets?state=active").path("activeTargets");
      assertEquals(1, targets.size(), targets.toString());
      assertEquals("up", targets.get(0).path("health").asText(), targets.toString());
    }
  }

  @Test
  void request_and_error_counts_per_route_and_status_are_the_requests_sent() throws Exception {
    Map<String, Integer> errors = new TreeMap<>();
    traffic
        .sent()
        .forEach(
            (key, n) -> {
              if (Integer.parseInt(key.substring(key.lastIndexOf(' ') + 1)) >= 400) {
                errors.put(key, n);
              }
            });
    for (Prometheus prometheus : List.of(classic, nativeHistograms)) {
      assertEquals(traffic.sent(), byPathAndStatus(prometheus, "http_requests_total"));
      assertEquals(errors, byPathAndStatus(prometheus, "http_errors_total"));
    }
  }

  private static Map<String, Integer> byPathAndStatus(Prometheus prometheus, String counter)
      throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode series :
        prometheus.query("sum by (path, status_code) (" + counter + "{job=\"shop\"})")) {
      JsonNode labels = series.path("metric");
      counts.put(
          ShopTraffic.key(labels.path("path").asText(), labels.path("status_code").asText()),
          (int) series.path("value").get(1).asDouble());
    }
    return counts;
  }

  @Test
  void the_error_ratio_is_the_share_of_error_answers_sent_and_0_on_a_healthy_route()
      throws Exception {
    double expected = (double) traffic.errors() / traffic.total();
    assertEquals(
        expected,
        value(
            classic,
            "sum(http_errors_total{job=\"shop\"}) / sum(http_requests_total{job=\"shop\"})"),
        1e-9,
        "from the counters");
    // rate() extrapolates each series to the edges of its samples, and the series of one service
    // do not all start at the same scrape: the recorded ratio is that of the traffic within 15 %.
    double recorded = value(classic, "service:http_errors:ratio_rate5m{service=\"shop\"}");
    assertEquals(expected, recorded, expected * 0.15, "service:http_errors:ratio_rate5m");
    assertEquals(0.0, value(classic, route("service_path:http_errors:ratio_rate5m", "/products")));
    assertEquals(
        1.0,
        value(classic, route("service_path:http_errors:ratio_rate5m", "/reports/daily")),
        1e-9);
    assertEquals(
        0.5,
        value(classic, route("service_path:http_errors:ratio_rate5m", "/products/{id}")),
        0.5 * 0.15);
    assertEquals(
        0.0,
        value(classic, route("service_path:http_server_errors:ratio_rate5m", "/products/{id}")));
  }

  private static String route(String series, String path) {
    return series + "{service=\"" + SERVICE + "\",path=\"" + path + "\"}";
  }

  private static double value(Prometheus prometheus, String promql) throws Exception {
    JsonNode result = prometheus.query(promql);
    assertEquals(1, result.size(), promql + " answered " + result);
    return result.get(0).path("value").get(1).asDouble();
  }

  @Test
  void every_recording_rule_returns_data_labelled_as_its_level_says() throws Exception {
    for (Prometheus prometheus : List.of(classic, nativeHistograms)) {
      List<String> records = new ArrayList<>();
      for (JsonNode group : prometheus.api("api/v1/rules?type=record").path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          records.add(rule.path("name").asText());
        }
      }
      assertTrue(records.size() >= 15, "recording rules loaded: " + records);
      List<String> failures = new ArrayList<>();
      for (String record : records) {
        Set<String> expected = levelLabels(record);
        JsonNode result = prometheus.query(record);
        if (result.isEmpty()) {
          failures.add(record + ": no data");
        }
        for (JsonNode series : result) {
          Set<String> labels = labelNames(series.path("metric"));
          if (!labels.equals(expected)) {
            failures.add(record + ": labels " + labels + ", expected " + expected);
          }
        }
      }
      assertEquals(List.of(), failures);
    }
  }

  /** The labels a level names: {@code service_path:...} keeps service and path; global none. */
  private static Set<String> levelLabels(String record) {
    String level = record.substring(0, record.indexOf(':'));
    return level.equals("global") ? Set.of() : Set.of(level.split("_"));
  }

  private static Set<String> labelNames(JsonNode metric) {
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = metric.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("__name__")) {
        names.add(name);
      }
    }
    return names;
  }

  @Test
  void every_dashboard_query_returns_data_on_classic_buckets() throws Exception {
    assertEveryDashboardQueryAnswers(classic, CLASSIC);
  }

  @Test
  void every_dashboard_query_returns_data_on_native_histograms() throws Exception {
    assertEveryDashboardQueryAnswers(nativeHistograms, NATIVE);
  }

  private static void assertEveryDashboardQueryAnswers(Prometheus prometheus, String histogram)
      throws Exception {
    Dashboard dashboard = Dashboard.read(Kit.dashboard());
    assertTrue(
        dashboard.customOptions("histogram").containsValue(histogram),
        "the histogram variable offers " + histogram);
    // What Grafana sends with service "shop", every route, and 5 minutes shown.
    Map<String, String> variables =
        Map.of(
            "service", SERVICE,
            "path", ".*",
            "histogram", histogram,
            "__rate_interval", "1m",
            "__range", "5m");
    List<String> failures = new ArrayList<>();
    List<Dashboard.PanelQuery> queries = dashboard.panelQueries();
    assertTrue(queries.size() >= 15, "panel queries: " + queries.size());
    for (Dashboard.PanelQuery query : queries) {
      String promql = Dashboard.substitute(query.expr(), variables);
      assertNull(Dashboard.variableLeft(promql), query.panel() + ": " + promql);
      if (prometheus.query(promql).isEmpty()) {
        failures.add(query.panel() + ": no data from " + promql);
      }
    }
    for (String annotation : dashboard.annotationQueries()) {
      prometheus.query(Dashboard.substitute(annotation, variables)); // Prometheus accepts it.
    }
    for (Map.Entry<String, String> variable : dashboard.variableQueries().entrySet()) {
      List<String> values =
          labelValues(prometheus, Dashboard.substitute(variable.getValue(), variables));
      if (values.isEmpty()) {
        failures.add("variable " + variable.getKey() + ": no values from " + variable.getValue());
      }
    }
    assertEquals(List.of(), failures);
  }

  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((.+),\\s*([A-Za-z_]\\w*)\\)");

  /** What Grafana's {@code label_values(series, label)} asks Prometheus. */
  private static List<String> labelValues(Prometheus prometheus, String query) throws Exception {
    Matcher matcher = LABEL_VALUES.matcher(query);
    assertTrue(matcher.matches(), "a label_values(series, label) query: " + query);
    JsonNode values =
        prometheus.api(
            "api/v1/label/"
                + matcher.group(2)
                + "/values?match[]="
                + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8));
    List<String> list = new ArrayList<>();
    values.forEach(v -> list.add(v.asText()));
    return list;
  }

  @Test
  void the_fast_burn_page_fires_for_the_shop_and_names_its_failing_route() throws Exception {
    // 1 request in 11 fails with a 5xx, far more than 14.4 times the 0.1 % a 99.9 % SLO allows.
    JsonNode alert =
        Poll.until(
            "HttpErrorBudgetBurnFast firing",
            WAIT,
            () -> firing(classic, "HttpErrorBudgetBurnFast"),
            a -> a != null);
    assertEquals(SERVICE, alert.path("labels").path("service").asText());
    assertEquals("page", alert.path("labels").path("severity").asText());
    String description = alert.path("annotations").path("description").asText();
    assertTrue(description.contains("Service shop "), description);
    assertTrue(description.contains("/reports/daily."), description);
  }

  private static JsonNode firing(Prometheus prometheus, String alertname) throws Exception {
    for (JsonNode alert : prometheus.api("api/v1/alerts").path("alerts")) {
      if (alertname.equals(alert.path("labels").path("alertname").asText())
          && "firing".equals(alert.path("state").asText())) {
        return alert;
      }
    }
    return null;
  }

  @Test
  void the_p99_of_the_native_histogram_is_close_to_the_one_of_the_classic_buckets()
      throws Exception {
    // Native histograms on, Prometheus 2.42 keeps no classic buckets.
    assertTrue(nativeHistograms.query("http_request_duration_seconds_bucket").isEmpty());
    assertFalse(classic.query("http_request_duration_seconds_bucket").isEmpty());

    double fromBuckets =
        value(
            classic,
            "histogram_quantile(0.99, sum by (le) (rate(" + CLASSIC + "{path=\"/slow\"}[1m])))");
    double fromNative =
        value(
            nativeHistograms,
            "histogram_quantile(0.99, sum(rate(" + NATIVE + "{path=\"/slow\"}[1m])))");
    // Every /slow request took 300 ms or a little more: the classic buckets put the p99 in
    // (0.25, 0.5] (interpolated, near 0.5), the native histogram within a few % of the truth.
    assertTrue(fromBuckets > 0.25 && fromBuckets <= 0.5, "classic p99 " + fromBuckets);
    assertTrue(fromNative >= 0.3 && fromNative <= 0.5, "native p99 " + fromNative);
    assertEquals(fromBuckets, fromNative, 0.25, "within the classic bucket's width");
    // The recording rule reads whichever the server keeps.
    assertEquals(
        fromNative,
        value(
            nativeHistograms, route("service_path:http_request_duration_seconds:p99_5m", "/slow")),
        0.05);
  }
}
