package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
