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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code path}, {@code method} and {@code service} labels, as a client's requests produce them. */
class RouteLabelsTest extends ShopTest {

  @Test
  void requests_to_one_template_share_one_series_whatever_the_ids() {
    assertEquals(200, http.status("products/1"));
    assertEquals(200, http.status("products/2"));
    assertEquals(200, http.status("products/abc"));

    Scrape scrape = http.scrape();
    assertEquals(3, requests(scrape, "GET", "/products/{id}", "200"));
    assertEquals(3, scrape.value("http_request_duration_seconds_count", "path", "/products/{id}"));
    assertFalse(scrape.text().contains("/products/1"), scrape.text());
  }

  @Test
  void a_resource_method_without_its_own_path_is_labelled_with_the_class_template() {
    assertEquals(200, http.status("products"));

    assertEquals(1, requests(http.scrape(), "GET", "/products", "200"));
  }

  @Test
  void regular_expressions_are_stripped_from_templates() {
    assertEquals(200, http.status("products/sku/ABC-12"));

    assertEquals(1, requests(http.scrape(), "GET", "/products/sku/{sku}", "200"));
  }

  @Test
  void sub_resource_locators_give_the_whole_chain_of_templates() {
    assertEquals(200, http.status("orders/7/lines"));
    assertEquals(200, http.status("orders/7/lines/3"));
    assertEquals(200, http.status("orders/8/lines/4"));
    assertEquals(200, http.status("orders/8/lines/4/notes/1"));

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "GET", "/orders/{orderId}/lines", "200"));
    assertEquals(2, requests(scrape, "GET", "/orders/{orderId}/lines/{lineId}", "200"));
    assertEquals(
        1, requests(scrape, "GET", "/orders/{orderId}/lines/{lineId}/notes/{noteId}", "200"));
  }

  @Test
  void every_standard_method_is_its_own_label() {
    assertEquals(201, http.post("products", "new").statusCode());
    assertEquals(200, http.send("PUT", "products/1").statusCode());
    assertEquals(200, http.send("PATCH", "products/1").statusCode());
    assertEquals(204, http.send("DELETE", "products/1").statusCode());

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "POST", "/products", "201"));
    assertEquals(1, requests(scrape, "PUT", "/products/{id}", "200"));
    assertEquals(1, requests(scrape, "PATCH", "/products/{id}", "200"));
    assertEquals(1, requests(scrape, "DELETE", "/products/{id}", "204"));
  }

  @Test
  void a_request_matching_no_resource_is_unmatched_and_never_creates_a_series_of_its_own() {
    for (int i = 0; i < 20; i++) {
      assertEquals(404, http.status("random/" + i + "/path"));
    }

    Scrape scrape = http.scrape();
    assertEquals(20, requests(scrape, "GET", "UNMATCHED", "404"));
    assertEquals(20, scrape.value("http_errors_total", "method", "GET", "path", "UNMATCHED"));
    assertFalse(scrape.text().contains("random"), scrape.text());
    assertTrue(scrape.samples("http_requests_active", "path", "UNMATCHED").isEmpty(), scrape.text());
  }

  @Test
  void a_method_the_route_does_not_allow_is_unmatched_with_405() {
    assertEquals(405, http.send("DELETE", "products").statusCode());

    assertEquals(1, requests(http.scrape(), "DELETE", "UNMATCHED", "405"));
  }

  @Test
  void an_unknown_method_is_labelled_other() {
    http.send("BREW", "products");
    http.send("brew", "products/1");
    http.send("XYZZY", "nowhere");

    Scrape scrape = http.scrape();
    assertEquals(3, scrape.sum("http_requests_total", "method", "_OTHER", "path", "UNMATCHED"));
    assertEquals(Set.of("_OTHER"), scrape.labelValues("http_requests_total", "method"));
  }

  @Test
  void a_method_declared_with_http_method_is_its_own_label() {
    assertEquals(200, http.send("PROPFIND", "dav").statusCode());
    http.send("PROPFIND", "nowhere");

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "PROPFIND", "/dav", "200"));
    assertEquals(1, requests(scrape, "PROPFIND", "UNMATCHED", "404"));
  }

  @Test
  void head_answered_by_a_get_method_keeps_the_template() {
    assertEquals(200, http.send("HEAD", "products/5").statusCode());

    assertEquals(1, requests(http.scrape(), "HEAD", "/products/{id}", "200"));
  }

  @Test
  void options_answered_by_the_runtime_keeps_the_template_where_the_runtime_exposes_it() {
    assertEquals(200, http.send("OPTIONS", "products/5").statusCode());

    // Jersey exposes the template it matched; RESTEasy and CXF answer OPTIONS before matching.
    Scrape scrape = http.scrape();
    assertEquals(
        1, scrape.sum("http_requests_total", "method", "OPTIONS", "status_code", "200"));
    assertTrue(
        Set.of("/products/{id}", "UNMATCHED")
            .containsAll(scrape.labelValues("http_requests_total", "path")),
        scrape.text());
  }

  @Test
  void every_series_carries_the_shop_s_service() {
    http.status("products/1");

    // "jaxrs" by default; a shop deployed beside another on one server may have its own.
    assertEquals(
        Set.of(runtime.shopService()),
        http.scrape().labelValues("http_requests_total", "service"));
  }

  @Test
  void the_application_base_path_prefixes_every_template() {
    PrometheusRegistry apiRegistry = new PrometheusRegistry();
    try (RunningApp api =
        runtime.start(
            ShopApp.with(RedMetricsFeature.builder().registry(apiRegistry).build()), "/api")) {
      Http apiHttp = new Http(api);
      assertEquals(200, apiHttp.status("products/1"));
      assertEquals(200, apiHttp.status("orders/1/lines/2"));

      Scrape scrape = apiHttp.scrape();
      assertEquals(1, requests(scrape, "GET", "/api/products/{id}", "200"));
      assertEquals(1, requests(scrape, "GET", "/api/orders/{orderId}/lines/{lineId}", "200"));
    }
  }

  @Test
  void a_root_resource_reached_through_a_locator_is_labelled_with_the_chain_it_took() {
    assertEquals(200, http.status("orders/5/items/7"));
    assertEquals(200, http.status("items/7"));

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "GET", "/orders/{orderId}/items/{id}", "200"));
    assertEquals(1, requests(scrape, "GET", "/items/{id}", "200"));
  }

  @Test
  void two_locators_that_return_the_same_type_are_told_apart() {
    assertEquals(200, http.status("orders/5/lines/9"));
    assertEquals(200, http.status("orders/5/archived/9"));
    assertEquals(200, http.status("orders/6/lines/1"));
    assertEquals(200, http.status("orders/6/archived"));

    Scrape scrape = http.scrape();
    assertEquals(2, requests(scrape, "GET", "/orders/{orderId}/lines/{lineId}", "200"));
    assertEquals(1, requests(scrape, "GET", "/orders/{orderId}/archived/{lineId}", "200"));
    assertEquals(1, requests(scrape, "GET", "/orders/{orderId}/archived", "200"));
  }

  @Test
  void a_method_in_any_case_is_labelled_with_the_designator_that_matched_or_other() {
    RawHttp raw = new RawHttp(app);
    for (String method : List.of("gEt", "get", "Get", "hEaD", "head", "pOsT", "GET")) {
      raw.send(method, "/products/1", null);
    }

    Scrape scrape = http.scrape();
    assertTrue(
        Set.of("GET", "HEAD", "POST", "_OTHER")
            .containsAll(scrape.labelValues("http_requests_total", "method")),
        scrape.text());
    assertTrue(scrape.sum("http_requests_total", "method", "GET", "path", "/products/{id}") >= 1);
    assertEquals(7, scrape.sum("http_requests_total"), scrape.text());
  }

  @Test
  void the_base_path_label_is_the_same_however_the_client_spells_it() {
    PrometheusRegistry apiRegistry = new PrometheusRegistry();
    try (RunningApp api =
        runtime.start(
            ShopApp.with(RedMetricsFeature.builder().registry(apiRegistry).build()), "/api")) {
      RawHttp raw = new RawHttp(api);
      List<String> targets =
          List.of(
              "/api/products/1",
              "/api;jsessionid=1/products/1",
              "/api;jsessionid=2/products/2",
              "//api/products/1",
              "/%61pi/products/1",
              "/api//products/3",
              "/api/;x=1/products/4");
      for (String target : targets) {
        raw.send("GET", target, null);
      }

      // A container may answer some spellings itself, before Jakarta REST sees them.
      Scrape scrape = new Http(api).scrape();
      assertTrue(
          Set.of("/api/products/{id}", "UNMATCHED")
              .containsAll(scrape.labelValues("http_requests_total", "path")),
          scrape.text());
      assertTrue(
          scrape.sum("http_requests_total", "path", "/api/products/{id}") >= 1, scrape.text());
    }
  }
}
