package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redmetrics.jaxrs.fixtures.FailuresResource;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RawHttp;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.Scrape;
import io.redmetrics.jaxrs.support.ShopTest;
import jakarta.ws.rs.core.Application;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code status_code} is what the client receives; errors are 400 and above. */
class StatusAndErrorsTest extends ShopTest {

  @Test
  void a_successful_request_is_not_an_error() {
    assertEquals(200, http.status("products/1"));

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "GET", "/products/{id}", "200"));
    assertTrue(scrape.samples("http_errors_total").isEmpty(), scrape.text());
  }

  @Test
  void a_status_set_by_an_application_response_filter_is_the_one_recorded() {
    assertEquals(202, http.status("failures/accepted"));

    assertEquals(1, requests(http.scrape(), "GET", "/failures/accepted", "202"));
  }

  @Test
  void a_mapped_exception_is_recorded_with_its_mapped_status() {
    HttpResponse<byte[]> response = http.get("failures/mapped");
    assertEquals(409, response.statusCode());
    assertEquals("sold out", new String(response.body(), StandardCharsets.UTF_8));

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "GET", "/failures/mapped", "409"));
    assertEquals(
        1, scrape.value("http_errors_total", "path", "/failures/mapped", "status_code", "409"));
    assertEquals(
        0, scrape.value("http_requests_active", "method", "GET", "path", "/failures/mapped"));
  }

  @Test
  void a_web_application_exception_is_recorded_with_its_status() {
    assertEquals(503, http.status("failures/web/503"));
    assertEquals(422, http.status("failures/web/422"));

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "GET", "/failures/web/{status}", "503"));
    assertEquals(1, requests(scrape, "GET", "/failures/web/{status}", "422"));
    assertEquals(2, scrape.sum("http_errors_total", "path", "/failures/web/{status}"));
  }

  @Test
  void a_not_found_thrown_by_a_matched_resource_keeps_its_template() {
    assertEquals(404, http.status("products/missing"));

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "GET", "/products/{id}", "404"));
    assertEquals(1, scrape.value("http_errors_total", "path", "/products/{id}"));
  }

  @Test
  void an_unmapped_exception_is_a_500_error_under_its_template_and_leaves_nothing_in_flight() {
    for (int i = 0; i < 3; i++) {
      assertEquals(500, http.status("failures/unmapped"));
    }

    Scrape scrape = http.scrape();
    assertEquals(3, requests(scrape, "GET", "/failures/unmapped", "500"));
    assertEquals(
        3, scrape.value("http_errors_total", "path", "/failures/unmapped", "status_code", "500"));
    assertEquals(
        0, scrape.value("http_requests_active", "method", "GET", "path", "/failures/unmapped"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"checked", "error"})
  void a_failure_no_mapper_handles_is_a_500_error_and_leaves_nothing_in_flight(String failure) {
    assertEquals(500, http.status("failures/" + failure));

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "GET", "/failures/" + failure, "500"));
    assertEquals(1, scrape.value("http_errors_total", "path", "/failures/" + failure));
    assertEquals(
        0, scrape.value("http_requests_active", "method", "GET", "path", "/failures/" + failure));
  }

  @Test
  void the_client_receives_the_same_response_for_an_unmapped_exception_as_without_the_library() {
    try (RunningApp bare = runtime.start(new FailuresOnly())) {
      HttpResponse<byte[]> instrumented = http.get("failures/unmapped");
      HttpResponse<byte[]> plain = new Http(bare).get("failures/unmapped");
      assertEquals(plain.statusCode(), instrumented.statusCode());
      // An error page may show the request URI, whose port differs between the two servers.
      assertEquals(
          body(plain).replace(bare.base().getAuthority(), "HOST"),
          body(instrumented).replace(app.base().getAuthority(), "HOST"));
    }
  }

  private static String body(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** The failing resource without the library. */
  public static final class FailuresOnly extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(FailuresResource.class);
    }
  }

  @Test
  void a_response_without_a_body_in_http_is_recorded_though_it_carries_an_entity() {
    assertEquals(304, http.status("products/1/unchanged"));
    assertEquals(204, http.send("PUT", "products/1/touch").statusCode());

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "GET", "/products/{id}/unchanged", "304"), scrape.text());
    assertEquals(1, requests(scrape, "PUT", "/products/{id}/touch", "204"), scrape.text());
    assertEquals(0, scrape.sum("http_requests_active"), scrape.text());
  }

  @Test
  void a_status_http_does_not_define_is_labelled_other_and_counted_as_an_error() {
    RawHttp raw = new RawHttp(app);
    for (String status : List.of("-1", "0", "99", "600", "1000")) {
      raw.send("GET", "/failures/web/" + status, null);
    }

    // What a runtime answers differs (RESTEasy answers one of them 204); the label never does.
    Scrape scrape = http.scrape();
    double errors = 0;
    for (Scrape.Sample sample : scrape.samples("http_requests_total")) {
      String code = sample.labels.get("status_code");
      assertTrue(code.equals("_OTHER") || code.matches("[1-5][0-9][0-9]"), scrape.text());
      errors += code.equals("_OTHER") || code.compareTo("400") >= 0 ? sample.value : 0;
    }
    assertEquals(
        5, scrape.sum("http_requests_total", "path", "/failures/web/{status}"), scrape.text());
    assertEquals(errors, scrape.sum("http_errors_total"), scrape.text());
  }

  @Test
  void a_locator_that_fails_is_recorded_under_the_template_matched_so_far() {
    assertEquals(404, http.status("orders/missing/lines"));
    assertEquals(500, http.status("orders/broken/lines/1"));

    Scrape scrape = http.scrape();
    assertEquals(1, requests(scrape, "GET", "/orders/{orderId}/lines", "404"), scrape.text());
    assertEquals(1, requests(scrape, "GET", "/orders/{orderId}/lines", "500"), scrape.text());
    assertEquals(0, scrape.sum("http_requests_active"), scrape.text());
  }

  @Test
  void malformed_headers_are_recorded_once_with_the_status_the_client_received() {
    RawHttp raw = new RawHttp(app);
    Map<String, Integer> received = new TreeMap<>();
    String[][] requests = {
      {"GET", "/products/1", null, "Accept: ;;;"},
      {"GET", "/products/1", null, "Accept: text/plain;q=abc"},
      {"GET", "/products/1", null, "Content-Type: ;;;"},
      {"GET", "/products/1", null, "Accept-Charset: ;;;"},
      {"GET", "/products/1", null, "Accept-Charset: x-nonexistent"},
      {"HEAD", "/products", null, "Accept-Charset: x-nonexistent"},
      {"HEAD", "/products", null, "Accept: ;;;"},
      {"POST", "/products", "new", "Content-Type: ;;;"},
      {"POST", "/products/1/stock", "quantity=%zz", "Content-Type: application/x-www-form-urlencoded"},
    };
    int unseen = 0;
    for (String[] request : requests) {
      long seenBefore = control.seenRequests();
      int status = raw.send(request[0], request[1], request[2], request[3]);
      if (control.seenRequests() > seenBefore) {
        received.merge(Integer.toString(status), 1, Integer::sum);
      } else {
        unseen++; // answered by the container before any provider ran (RESTEasy: Accept ;;;)
      }
    }
    assertTrue(unseen < requests.length, "no request reached the application");

    Scrape scrape = http.scrape();
    Map<String, Integer> recorded = new TreeMap<>();
    for (Scrape.Sample sample : scrape.samples("http_requests_total")) {
      recorded.merge(sample.labels.get("status_code"), (int) sample.value, Integer::sum);
    }
    assertEquals(received, recorded, scrape.text());
    assertEquals(0, scrape.sum("http_requests_active"), scrape.text());
  }
}
