package io.redmetrics.jaxrs;

import java.util.Locale;

/**
 * The names of the metric families and of their labels: the one place that says what a series is
 * called ({@link RedMetricsFeature#NAMING}).
 */
enum Naming {

  /**
   * The library's own: a request counter, an error counter, the duration histogram and the
   * in-flight gauge, each by {@code method} and {@code path}, all but the gauge by {@code
   * status_code}.
   */
  DEFAULT(
      "http_requests_total",
      "http_request_duration_seconds",
      "http_errors_total",
      "http_requests_active",
      "method",
      "path",
      "status_code",
      null),

  /**
   * OpenTelemetry's HTTP server semantic conventions as its Prometheus exporter writes them: the
   * duration histogram ({@code _count} is the request rate) and the active requests, by method and
   * scheme only, as the conventions say; no separate counters.
   */
  OTEL(
      null,
      "http_server_request_duration_seconds",
      null,
      "http_server_active_requests",
      "http_request_method",
      "http_route",
      "http_response_status_code",
      "url_scheme");

  /** The families' names; {@code null} where this naming has no such family. */
  final String requests;

  final String duration;
  final String errors;
  final String active;

  /** The labels' names; {@link #scheme} {@code null} where this naming has no scheme label. */
  final String method;

  final String path;
  final String status;
  final String scheme;

  Naming(
      String requests,
      String duration,
      String errors,
      String active,
      String method,
      String path,
      String status,
      String scheme) {
    this.requests = requests;
    this.duration = duration;
    this.errors = errors;
    this.active = active;
    this.method = method;
    this.path = path;
    this.status = status;
    this.scheme = scheme;
  }

  /** The naming a setting's value names: {@code default} or {@code otel}, in any case. */
  static Naming of(String setting, String value) {
    for (Naming naming : values()) {
      if (naming.name().equalsIgnoreCase(value.trim())) {
        return naming;
      }
    }
    throw Settings.invalid(setting, value, "must be 'default' or 'otel'");
  }

  /** The setting's value that names this naming. */
  String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
