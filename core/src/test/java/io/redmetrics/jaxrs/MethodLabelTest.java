package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure method-label rules, without a server. */
class MethodLabelTest {

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"})
  void standard_methods_are_their_own_label(String method) {
    assertEquals(method, MethodLabel.of(method, Set.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "BREW", "PROPFIND", "", "G E T"})
  void other_methods_are_other_unless_declared(String method) {
    assertEquals(MethodLabel.OTHER, MethodLabel.of(method, Set.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PROPFIND", "MKCOL"})
  void declared_methods_are_their_own_label(String method) {
    assertEquals(method, MethodLabel.of(method, Set.of("PROPFIND", "MKCOL")));
  }

  @ParameterizedTest(name = "{0} sent, {1} matched -> {2}")
  @CsvSource({
    "GET, GET, GET",
    "gEt, gEt, GET",
    "POST, pOsT, POST",
    "HEAD, GET, HEAD",
    "HEAD, HEAD, HEAD",
    "head, head, HEAD",
    "PROPFIND, propfind, PROPFIND",
  })
  void a_matched_route_is_labelled_with_the_designator_that_matched(
      String sent, String current, String expected) {
    assertEquals(
        expected,
        MethodLabel.ofMatched(sent, current, List.of("GET", "POST", "PROPFIND"), Set.of("PROPFIND")));
  }
}
