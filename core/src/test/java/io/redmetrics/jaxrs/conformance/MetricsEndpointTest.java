package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.RedMetricsFeature;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RawHttp;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET {base}/metrics}: formats, compression, filtering and its path. */
class MetricsEndpointTest extends ShopTest {

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /**
   * A media type's type and parameters, in any case and spacing. Not {@code MediaType.valueOf}:
   * against a deployed server, the test JVM has the Jakarta REST API without an implementation.
   */
  private static Set<String> mediaType(String value) {
    return Arrays.stream(value.split(";"))
        .map(part -> part.trim().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  private static String header(HttpResponse<byte[]> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  @Test
  void the_prometheus_text_format_is_the_default() {
    http.status("products/1");

    HttpResponse<byte[]> response = http.get("metrics");
    assertEquals(200, response.statusCode());
    assertEquals(
        mediaType("text/plain; version=0.0.4; charset=utf-8"),
        mediaType(header(response, "Content-Type")));
    assertTrue(text(response).contains("# TYPE http_requests_total counter"), text(response));
    assertFalse(text(response).contains("# EOF"));
  }

  @Test
  void openmetrics_is_written_when_the_accept_header_asks_for_it() {
    http.status("products/1");

    HttpResponse<byte[]> response =
        http.get("metrics", "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertTrue(header(response, "Content-Type").startsWith("application/openmetrics-text"));
    String body = text(response);
    assertTrue(body.endsWith("# EOF\n"), body);
    assertTrue(body.contains("# TYPE http_requests counter"), body);
    assertTrue(
        body.contains(
            "http_requests_total{method=\"GET\",path=\"/products/{id}\",service=\"jaxrs\",status_code=\"200\"} "),
        body);
    assertEquals(1, requests(http.sinceBaseline(Scrape.parse(body)), "GET", "/products/{id}", "200"));
  }

  @Test
  void protobuf_is_written_when_the_accept_header_asks_for_it() {
    http.status("products/1");

    HttpResponse<byte[]> response =
        http.get(
            "metrics",
            "Accept",
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited");
    assertEquals(200, response.statusCode());
    assertTrue(header(response, "Content-Type").startsWith("application/vnd.google.protobuf"));
    String body = new String(response.body(), StandardCharsets.ISO_8859_1);
    assertTrue(body.contains("http_request_duration_seconds"), "protobuf names the histogram");
    assertTrue(body.contains("/products/{id}"), "protobuf carries the template");
  }

  @Test
  void the_response_is_gzipped_when_the_client_accepts_gzip() throws IOException {
    http.status("products/1");

    HttpResponse<byte[]> response = http.get("metrics", "Accept-Encoding", "gzip");
    assertEquals("gzip", header(response, "Content-Encoding"));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      Scrape scrape =
          http.sinceBaseline(Scrape.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      assertEquals(1, requests(scrape, "GET", "/products/{id}", "200"));
    }
  }

  @Test
  void name_parameters_restrict_the_scrape_to_those_families() {
    http.status("products/1");

    Scrape scrape = http.scrape("metrics?name[]=http_requests_total&name[]=http_requests_active");
    assertEquals(
        Set.of("http_requests_total", "http_requests_active"),
        scrape.where(s -> true).stream().map(s -> s.name).collect(Collectors.toSet()));
  }

  @Test
  void head_answers_without_a_body() {
    HttpResponse<byte[]> response = http.send("HEAD", "metrics");
    assertEquals(200, response.statusCode());
    assertEquals(0, response.body().length);
  }

  @Test
  void other_methods_on_the_metrics_path_are_not_served() {
    HttpResponse<byte[]> response = http.post("metrics", "x");
    assertTrue(response.statusCode() == 404 || response.statusCode() == 405, text(response));
    assertFalse(text(response).contains("http_requests"), text(response));
  }

  @Test
  void scrapes_of_the_metrics_endpoint_are_not_recorded() {
    http.scrape();
    http.scrape();

    assertTrue(http.scrape().samples("http_requests_total").isEmpty());
  }

  @Test
  void the_endpoint_follows_the_base_path_and_a_configured_path() {
    PrometheusRegistry other = new PrometheusRegistry();
    try (RunningApp api =
        runtime.start(
            ShopApp.with(
                RedMetricsFeature.builder().registry(other).metricsPath("internal/prometheus").build()),
            "/api")) {
      Http apiHttp = new Http(api);
      apiHttp.status("products/1");
      assertEquals(404, apiHttp.status("metrics"));
      assertEquals(1, requests(apiHttp.scrape("internal/prometheus"), "GET", "/api/products/{id}", "200"));
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  void an_empty_or_null_metrics_path_serves_no_endpoint(String path) {
    PrometheusRegistry other = new PrometheusRegistry();
    try (RunningApp quiet =
        runtime.start(
            ShopApp.with(RedMetricsFeature.builder().registry(other).metricsPath(path).build()))) {
      Http quietHttp = new Http(quiet);
      assertEquals(404, quietHttp.status("metrics"));
      assertEquals(200, quietHttp.status("products/1"));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//metrics", "/%6Detrics", "/metric%73", "/metrics%2F", "/%2Fmetrics", "/metrics//",
        "/METRICS", "/metrics;x=1", "/metrics%20", "/xmetrics", "/products/metrics"
      })
  void the_endpoint_answers_only_at_its_own_path(String spelling) {
    http.status("products/1");

    String[] response = new RawHttp(app).getStatusAndBody(below(spelling));
    assertFalse(
        response[1].contains("# TYPE http_requests_total"),
        spelling + " answered " + response[0] + " with a scrape");
  }

  @Test
  void the_endpoint_answers_with_one_trailing_slash_too() {
    http.status("products/1");

    String[] response = new RawHttp(app).getStatusAndBody(below("/metrics/"));
    assertEquals("200", response[0]);
    assertTrue(response[1].contains("# TYPE http_requests_total"), response[1]);
  }

  @Test
  void a_bad_debug_parameter_gets_a_short_fixed_answer_without_the_input() {
    HttpResponse<byte[]> response = http.get("metrics?debug=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

    assertEquals(400, response.statusCode());
    assertFalse(text(response).contains("script"), text(response));
    assertTrue(text(response).length() < 100, text(response));
  }

  @Test
  void garbage_in_accept_and_name_parameters_is_never_echoed() {
    http.status("products/1");

    HttpResponse<byte[]> accept = http.get("metrics", "Accept", "text/<script>; q=zz");
    HttpResponse<byte[]> names = http.get("metrics?name[]=%3Cscript%3E&name[]=");
    for (HttpResponse<byte[]> response : List.of(accept, names)) {
      assertFalse(text(response).contains("<script>"), text(response));
      assertFalse(text(response).contains("Exception"), text(response));
    }
  }

  @Test
  void the_applications_filters_and_interceptors_add_headers_but_leave_the_scrape_intact()
      throws IOException {
    http.status("products/1");

    HttpResponse<byte[]> plain = http.get("metrics", "X-Tamper", "yes");
    HttpResponse<byte[]> gzipped = http.get("metrics", "X-Tamper", "gzip", "Accept-Encoding", "gzip");

    assertEquals(200, plain.statusCode());
    assertEquals("*", header(plain, "Access-Control-Allow-Origin"));
    assertEquals(
        mediaType("text/plain; version=0.0.4; charset=utf-8"), mediaType(header(plain, "Content-Type")));
    assertEquals("", header(plain, "Content-Encoding"));
    assertEquals(1, requests(http.sinceBaseline(Scrape.parse(text(plain))), "GET", "/products/{id}", "200"));
    assertEquals(200, gzipped.statusCode());
    assertEquals("gzip", header(gzipped, "Content-Encoding"));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(1, requests(http.sinceBaseline(Scrape.parse(body)), "GET", "/products/{id}", "200"));
    }
  }

  /** A path below the shop's base path, as a raw request target. */
  private String below(String path) {
    String base = app.base().getRawPath();
    return base.substring(0, base.length() - 1) + path;
  }
}
