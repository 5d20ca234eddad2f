package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
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
}
