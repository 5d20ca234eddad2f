package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure template rules, without a server. */
class RouteTemplateTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{id}|{id}",
        "{id: [0-9]+}|{id}",
        "{ id : [0-9]+ }|{id}",
        "sku/{sku: [A-Z]{3}-[0-9]{2,4}}/x|sku/{sku}/x",
        "{a}-{b: \\d+}|{a}-{b}",
        "plain/path|plain/path",
        "{unclosed: [0-9]+|{unclosed}",
      })
  void regular_expressions_are_stripped_from_variables(String template, String expected) {
    assertEquals(expected, RouteTemplate.stripRegex(template));
  }

  @Test
  void parts_are_joined_with_exactly_one_slash_and_no_trailing_slash() {
    assertEquals("/api/products/{id}", RouteTemplate.join("/api/", "/products/", "{id}"));
    assertEquals("/api/products/{id}", RouteTemplate.join("api", "products", "/{id}/"));
    assertEquals("/products/{id}", RouteTemplate.join("/", "products//", "{id: \\d+}"));
    assertEquals("/products", RouteTemplate.join("/", "products", null));
    assertEquals("/products", RouteTemplate.join("/", "products", ""));
  }

  @Test
  void an_empty_template_is_the_root() {
    assertEquals("/", RouteTemplate.join("/", "", null));
    assertEquals("/", RouteTemplate.join(List.of()));
  }

  @Test
  void locator_chains_join_in_order() {
    assertEquals(
        "/orders/{orderId}/lines/{lineId}",
        RouteTemplate.join(Arrays.asList("/", "orders", "{orderId}/lines", "{lineId: [0-9]+}")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/|/api",
        "/|/",
        "''|/",
        "/api;jsessionid=7/|/api",
        "//api//v1/|/api/v1",
        "/%61pi/|/api",
        "/app;x=1/api;y=2/|/app/api",
        "/caf%C3%A9/|/caf\u00e9",
        "/bad%zz/|/bad%zz",
        "/end%4/|/end%4",
      })
  void a_base_path_is_the_same_however_the_client_spelled_it(String raw, String expected) {
    assertEquals(expected, RouteTemplate.basePath(raw));
  }

  @Test
  void a_locator_pattern_matches_uris_ending_in_its_template() {
    assertTrue(RouteTemplate.endingIn("{orderId}/lines").matcher("orders/5/lines").matches());
    assertTrue(RouteTemplate.endingIn("/{orderId}/lines/").matcher("/orders/5/lines/").matches());
    assertFalse(RouteTemplate.endingIn("{orderId}/lines").matcher("orders/5/archived").matches());
    assertFalse(RouteTemplate.endingIn("{orderId}/lines").matcher("orders/5/lines/9").matches());
    assertTrue(RouteTemplate.endingIn("{id: [0-9]+}").matcher("items/42").matches());
    assertFalse(RouteTemplate.endingIn("{id: [0-9]+}").matcher("items/abc").matches());
    assertTrue(RouteTemplate.endingIn("a.b/{x}").matcher("a.b/1").matches());
    assertFalse(RouteTemplate.endingIn("a.b/{x}").matcher("axb/1").matches());
  }
}
