package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redmetrics.jaxrs.fixtures.ShopApp;
import java.net.URI;
import java.util.stream.Stream;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On Jersey, an invalid property surfaces from the server factory as the library's own {@link
 * IllegalArgumentException}, unwrapped: what a Jersey user sees at startup.
 */
class JerseyStartupTest {

  static Stream<Arguments> invalidProperties() {
    return Stream.of(
        Arguments.of(RedMetricsFeature.BUCKETS, "0.5,0.1", "redmetrics.buckets: [0.5, 0.1]: must be strictly increasing"),
        Arguments.of(RedMetricsFeature.SERVICE, "", "redmetrics.service: : must not be empty"),
        Arguments.of(RedMetricsFeature.EXCLUDE, "health", "redmetrics.exclude: health: 'health' must be"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("invalidProperties")
  void the_server_factory_throws_the_illegal_argument_itself(
      String key, String value, String messageStart) {
    ResourceConfig config =
        new ResourceConfig(ShopApp.RESOURCES.toArray(new Class<?>[0]))
            .property(key, value)
            .register(RedMetricsFeature.class);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GrizzlyHttpServerFactory.createHttpServer(
                        URI.create("http://127.0.0.1:0/"), config)
                    .shutdownNow());
    assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
  }
}
