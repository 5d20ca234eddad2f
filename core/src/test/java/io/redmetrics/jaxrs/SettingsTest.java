package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.core.Configuration;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Resolving settings from builder values, properties and defaults, without a server. */
class SettingsTest {

  private static Settings resolve(RedMetricsFeature.Builder builder, Map<String, Object> properties) {
    return builder.build().settings(configuration(properties));
  }

  /** An application configuration holding only {@code properties}. */
  private static Configuration configuration(Map<String, Object> properties) {
    return (Configuration)
        Proxy.newProxyInstance(
            Configuration.class.getClassLoader(),
            new Class<?>[] {Configuration.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getProperty")) {
                return properties.get(args[0]);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void invalid_builder_values_fail_at_once_naming_the_setting() {
    RedMetricsFeature.Builder builder = RedMetricsFeature.builder();
    assertMessage("service: : must not be empty", () -> builder.service(""));
    assertMessage(
        "buckets: [0.5, 0.1]: must be strictly increasing", () -> builder.buckets(0.5, 0.1));
    assertMessage("buckets: []: must name at least one bucket", () -> builder.buckets());
    assertMessage(
        "buckets: [0.0, 1.0]: must be positive and finite (the +Inf bucket is always added)",
        () -> builder.buckets(0, 1));
    assertMessage(
        "buckets: [1.0, NaN]: must be positive and finite (the +Inf bucket is always added)",
        () -> builder.buckets(1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> builder.exclude("no-slash"));
    assertThrows(IllegalArgumentException.class, () -> builder.metricsPath("a b"));
    assertMessage(
        "metricsRole: metrics reader: must be one role name (empty: anyone may scrape)",
        () -> builder.metricsRole("metrics reader"));
    assertMessage(
        "maxConcurrentScrapes: 0: must be at least 1", () -> builder.maxConcurrentScrapes(0));
    assertMessage(
        "managementPort: 70000: must be a port from 1 to 65535 (empty: no management port)",
        () -> builder.managementPort(70000));
    assertMessage(
        "managementAddress: : must be a host name or IP address such as 127.0.0.1",
        () -> builder.managementAddress(""));
  }

  @Test
  void null_builder_values_fail_like_any_other_bad_value() {
    RedMetricsFeature.Builder builder = RedMetricsFeature.builder();
    assertMessage("registry: null: must not be null", () -> builder.registry(null));
    assertMessage("service: null: must be a string", () -> builder.service(null));
    assertMessage(
        "buckets: null: must be a comma-separated string or a list",
        () -> builder.buckets((double[]) null));
    assertMessage(
        "exclude: null: must be a comma-separated string or a list",
        () -> builder.exclude((String[]) null));
    assertMessage(
        "managementAddress: null: must be a string", () -> builder.managementAddress(null));
  }

  @Test
  void a_built_feature_keeps_its_values_when_the_builder_changes_later() {
    RedMetricsFeature.Builder builder = RedMetricsFeature.builder().service("first").buckets(1, 2);
    RedMetricsFeature feature = builder.build();
    builder.service("second").buckets(3, 4);

    Settings settings = feature.settings(configuration(Map.of()));
    assertEquals("first", settings.service);
    assertArrayEquals(new double[] {1, 2}, settings.buckets);
  }

  @Test
  void each_application_gets_its_own_copy_of_the_default_buckets() {
    Settings first = resolve(RedMetricsFeature.builder(), Map.of());
    first.buckets[0] = 99;

    assertEquals(0.005, resolve(RedMetricsFeature.builder(), Map.of()).buckets[0]);
  }

  private static void assertMessage(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void defaults_apply_when_nothing_is_given() {
    Settings settings = resolve(RedMetricsFeature.builder(), Map.of());

    assertSame(PrometheusRegistry.defaultRegistry, settings.registry);
    assertEquals("jaxrs", settings.service);
    assertArrayEquals(
        new double[] {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10},
        settings.buckets);
    assertEquals(List.of(), settings.exclude);
    assertEquals("metrics", settings.metricsPath);
  }

  @Test
  void properties_are_parsed_and_normalised() {
    Settings settings =
        resolve(
            RedMetricsFeature.builder(),
            Map.of(
                RedMetricsFeature.SERVICE, " shop ",
                RedMetricsFeature.BUCKETS, "0.1, 0.5,1",
                RedMetricsFeature.EXCLUDE, "/api/health/, /api//internal/*, UNMATCHED",
                RedMetricsFeature.METRICS_PATH, "/internal/metrics/"));

    assertEquals("shop", settings.service);
    assertArrayEquals(new double[] {0.1, 0.5, 1}, settings.buckets);
    assertEquals(List.of("/api/health", "/api/internal/*", "UNMATCHED"), settings.exclude);
    assertEquals("internal/metrics", settings.metricsPath);
  }

  @Test
  void properties_may_be_lists_as_well_as_strings() {
    Settings settings =
        resolve(
            RedMetricsFeature.builder(),
            Map.of(
                RedMetricsFeature.BUCKETS, List.of(0.1, 1),
                RedMetricsFeature.EXCLUDE, new String[] {"/health"}));

    assertArrayEquals(new double[] {0.1, 1}, settings.buckets);
    assertEquals(List.of("/health"), settings.exclude);
  }

  @Test
  void builder_values_win_over_properties() {
    PrometheusRegistry registry = new PrometheusRegistry();
    Settings settings =
        resolve(
            RedMetricsFeature.builder()
                .registry(registry)
                .service("builder")
                .buckets(1, 2)
                .exclude("/a")
                .metricsPath(""),
            Map.of(
                RedMetricsFeature.SERVICE, "property",
                RedMetricsFeature.BUCKETS, "3,4",
                RedMetricsFeature.EXCLUDE, "/b",
                RedMetricsFeature.METRICS_PATH, "m"));

    assertSame(registry, settings.registry);
    assertEquals("builder", settings.service);
    assertArrayEquals(new double[] {1, 2}, settings.buckets);
    assertEquals(List.of("/a"), settings.exclude);
    assertEquals("", settings.metricsPath);
  }

  @Test
  void a_property_of_the_wrong_type_names_the_key() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> resolve(RedMetricsFeature.builder(), Map.of(RedMetricsFeature.SERVICE, 42)));
    assertEquals("redmetrics.service: 42: must be a string", e.getMessage());
  }

  @Test
  void an_empty_bucket_list_is_rejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> resolve(RedMetricsFeature.builder(), Map.of(RedMetricsFeature.BUCKETS, " ")));
    assertEquals("redmetrics.buckets: []: must name at least one bucket", e.getMessage());
  }
}
