package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.redmetrics.jaxrs.RedMetricsFeature;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.StartupFailures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Settings from the builder and from configuration properties, and invalid ones. */
class ConfigurationTest {

  private static final ConformanceRuntime RUNTIME = ConformanceRuntime.current();

  @Test
  void properties_configure_a_feature_registered_as_a_class() {
    ShopApp shop =
        ShopApp.withFeatureClass()
            .property(RedMetricsFeature.SERVICE, "shop")
            .property(RedMetricsFeature.BUCKETS, "0.1, 1, 10")
            .property(RedMetricsFeature.EXCLUDE, "/admin/*")
            .property(RedMetricsFeature.METRICS_PATH, "/prometheus/");
    // A feature registered as a class uses the default registry: the only test in this suite that
    // does, so its buckets conflict with no other application's.
    try (RunningApp app = RUNTIME.start(shop)) {
      Http http = new Http(app);
      http.status("products/1");
      http.status("admin/health");

      Scrape scrape = http.scrape("prometheus");
      assertEquals(
          1,
          scrape.value(
              "http_requests_total", "service", "shop", "path", "/products/{id}", "method", "GET"));
      assertTrue(scrape.samples("http_requests_total", "service", "shop", "path", "/admin/health").isEmpty());
      assertEquals(
          List.of("0.1", "1.0", "10.0", "+Inf"),
          scrape.samples("http_request_duration_seconds_bucket", "service", "shop").stream()
              .map(s -> s.labels.get("le"))
              .collect(java.util.stream.Collectors.toList()));
    }
  }

  @Test
  void a_jvm_system_property_configures_a_feature_the_application_does_not() {
    Scrape scrape =
        scrapeWithJvmService(
            ShopApp.with(RedMetricsFeature.builder().registry(new PrometheusRegistry()).build()));

    assertEquals(
        1, scrape.value("http_requests_total", "service", "from-jvm", "path", "/products/{id}"));
  }

  @Test
  void application_properties_win_over_jvm_system_properties() {
    Scrape scrape =
        scrapeWithJvmService(
            ShopApp.with(RedMetricsFeature.builder().registry(new PrometheusRegistry()).build())
                .property(RedMetricsFeature.SERVICE, "from-application"));

    assertEquals(
        "[from-application]", scrape.labelValues("http_requests_total", "service").toString());
  }

  /** Starts {@code shop} while the JVM's {@code redmetrics.service} is {@code from-jvm}. */
  private static Scrape scrapeWithJvmService(ShopApp shop) {
    RUNTIME.assumeStartsApplications();
    String previous = System.setProperty(RedMetricsFeature.SERVICE, "from-jvm");
    try (RunningApp app = RUNTIME.start(shop)) {
      Http http = new Http(app);
      http.status("products/1");
      return http.scrape();
    } finally {
      if (previous == null) {
        System.clearProperty(RedMetricsFeature.SERVICE);
      } else {
        System.setProperty(RedMetricsFeature.SERVICE, previous);
      }
    }
  }

  @Test
  void builder_values_win_over_properties() {
    PrometheusRegistry registry = new PrometheusRegistry();
    ShopApp shop =
        ShopApp.with(RedMetricsFeature.builder().registry(registry).service("from-builder").build())
            .property(RedMetricsFeature.SERVICE, "from-property");
    try (RunningApp app = RUNTIME.start(shop)) {
      Http http = new Http(app);
      http.status("products/1");

      assertEquals(
          List.of("from-builder").toString(),
          http.scrape().labelValues("http_requests_total", "service").toString());
    }
  }

  /** The invalid property values every runtime must refuse at startup, and why. */
  static final String[][] INVALID_PROPERTIES = {
    {"redmetrics.service", "  ", "must not be empty"},
    {"redmetrics.buckets", "0.5,0.1", "strictly increasing"},
    {"redmetrics.buckets", "0.1,abc", "'abc' is not a number"},
    {"redmetrics.buckets", "-1,2", "positive"},
    {"redmetrics.buckets", "0.1,0.1", "strictly increasing"},
    {"redmetrics.exclude", "health", "must be a path template"},
    {"redmetrics.exclude", "/a/*/b", "must be a path template"},
    {"redmetrics.metrics-path", "{x}", "plain path"},
    {"redmetrics.metrics-role", "metrics reader", "must be one role name"},
    {"redmetrics.max-concurrent-scrapes", "0", "must be at least 1"},
    {"redmetrics.max-concurrent-scrapes", "many", "must be a whole number"},
    {"redmetrics.naming", "micrometer", "must be 'default' or 'otel'"},
    {"redmetrics.service-label", "1st", "must be a Prometheus label name"},
    {"redmetrics.service-label", "__name__", "must be a Prometheus label name"},
    {"redmetrics.service-label", "app-name", "must be a Prometheus label name"},
    {"redmetrics.service-label", "path", "must not be one of the labels method, path, status_code"},
    {"redmetrics.management-port", "0", "must be a port from 1 to 65535"},
    {"redmetrics.management-port", "65536", "must be a port from 1 to 65535"},
    {"redmetrics.management-port", "http", "must be a whole number"},
    {"redmetrics.management-address", "local host", "must be a host name or IP address"},
    {"redmetrics.native-histogram", "no", "must be true or false"},
  };

  static Stream<Arguments> invalidProperties() {
    return Stream.of(INVALID_PROPERTIES).map(row -> Arguments.of((Object[]) row));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("invalidProperties")
  void an_invalid_property_fails_startup_naming_the_setting_and_value(
      String key, String value, String reason) {
    RUNTIME.assumeStartsApplications();
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> RUNTIME.start(ShopApp.withFeatureClass().property(key, value)).close());

    String message = StartupFailures.illegalArgument(e).getMessage();
    assertTrue(message.startsWith(key + ": "), message);
    assertTrue(message.contains(reason), message);
  }

  @Test
  void the_duration_histogram_keeps_a_native_histogram_unless_the_setting_says_false() {
    PrometheusRegistry byDefault = new PrometheusRegistry();
    PrometheusRegistry fromBuilder = new PrometheusRegistry();
    PrometheusRegistry fromProperty = new PrometheusRegistry();

    assertEquals(
        List.of(true),
        nativeHistogramData(
            byDefault, ShopApp.with(RedMetricsFeature.builder().registry(byDefault).build())));
    assertEquals(
        List.of(false),
        nativeHistogramData(
            fromBuilder,
            ShopApp.with(
                RedMetricsFeature.builder().registry(fromBuilder).nativeHistogram(false).build())));
    assertEquals(
        List.of(false),
        nativeHistogramData(
            fromProperty,
            ShopApp.with(RedMetricsFeature.builder().registry(fromProperty).build())
                .property(RedMetricsFeature.NATIVE_HISTOGRAM, "false")));
  }

  /** Whether each duration series in {@code registry} has native data after one request. */
  private static List<Boolean> nativeHistogramData(PrometheusRegistry registry, ShopApp shop) {
    try (RunningApp app = RUNTIME.start(shop)) {
      assertEquals(200, new Http(app).status("products/1"));
    }
    return registry.scrape(name -> name.equals("http_request_duration_seconds")).stream()
        .flatMap(snapshot -> snapshot.getDataPoints().stream())
        .map(point -> ((HistogramSnapshot.HistogramDataPointSnapshot) point).hasNativeHistogramData())
        .collect(java.util.stream.Collectors.toList());
  }

  @Test
  void applications_sharing_a_registry_must_agree_on_buckets() {
    PrometheusRegistry registry = new PrometheusRegistry();
    try (RunningApp first = RUNTIME.start(ShopApp.with(RedMetricsFeature.builder().registry(registry).build()))) {
      assertEquals(200, new Http(first).status("products/1"));
      RuntimeException e =
          assertThrows(
              RuntimeException.class,
              () ->
                  RUNTIME.start(
                      ShopApp.with(
                          RedMetricsFeature.builder().registry(registry).buckets(1, 2).build())));
      String message = StartupFailures.illegalArgument(e).getMessage();
      assertTrue(message.startsWith("buckets: [1.0, 2.0]: this registry already holds"), message);
    }
  }

  @Test
  void a_registry_holding_one_of_the_names_with_another_type_fails_startup_naming_it_and_the_fix() {
    RUNTIME.assumeStartsApplications();
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter.builder().name("http_requests_active").help("another library's").register(registry);

    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> RUNTIME.start(ShopApp.with(RedMetricsFeature.builder().registry(registry).build())));
    String message = StartupFailures.illegalArgument(e).getMessage();
    assertTrue(message.startsWith("registry: already holds http_requests_active"), message);
    assertTrue(message.contains("Give the application a registry of its own"), message);
  }
}
