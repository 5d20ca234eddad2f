package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolving settings from builder values, properties and defaults, without a server. */
class SettingsTest {

  private static Settings resolve(RedMetricsFeature.Builder builder, Map<String, Object> properties) {
    return Settings.resolve(builder, properties::get);
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
