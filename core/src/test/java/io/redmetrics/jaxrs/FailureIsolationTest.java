package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.fixtures.ProductsResource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failure inside the library never reaches the request: injected here as a runtime adapter
 * that throws, as reflection on a locator or a runtime's internals might. The request goes on,
 * unrecorded, and the failure is logged, at most once a minute.
 */
class FailureIsolationTest {

  private final List<LogRecord> logged = new ArrayList<>();
  private final Logger logger = Logger.getLogger("io.redmetrics.jaxrs");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureTheLog() {
    logger.addHandler(capture);
  }

  @AfterEach
  void releaseTheLog() {
    logger.removeHandler(capture);
  }

  @Test
  void a_runtime_adapter_that_throws_leaves_requests_unrecorded_and_logs_once() {
    PrometheusRegistry registry = new PrometheusRegistry();
    Settings settings =
        RedMetricsFeature.builder().registry(registry).build().settings(proxy(Configuration.class));
    RouteResolver routes =
        new RouteResolver(settings, RedMetrics.in(settings), new ThrowingAdapter());
    RequestLifecycle lifecycle = new RequestLifecycle(routes);
    RouteResolver.Route route =
        routes.route(ProductsResource.class, "/products/{id}", "{id}", List.of("GET"));

    for (int i = 0; i < 3; i++) {
      ContainerRequestContext request = request();
      RequestState state = lifecycle.begin(request);
      lifecycle.enter(state, route, request);
      lifecycle.respond(state, request, 200, false);
      RequestState unmatched = lifecycle.begin(request);
      lifecycle.end(unmatched, request.getUriInfo(), 404);
    }

    // The route is listed (http_route_info), and no request is recorded.
    assertEquals(
        0,
        registry.scrape().stream()
            .filter(family -> !family.getMetadata().getName().equals("http_route"))
            .mapToLong(family -> family.getDataPoints().size())
            .sum());
    assertEquals(1, logged.size(), "logged: " + logged);
    assertEquals(Level.WARNING, logged.get(0).getLevel());
    assertTrue(logged.get(0).getThrown() instanceof IllegalStateException);
  }

  private static ContainerRequestContext request() {
    UriInfo uriInfo =
        proxy(UriInfo.class, Map.of("getBaseUri", URI.create("http://127.0.0.1/")));
    return proxy(ContainerRequestContext.class, Map.of("getUriInfo", uriInfo, "getMethod", "GET"));
  }

  private static <T> T proxy(Class<T> type) {
    return proxy(type, Map.of());
  }

  /** An implementation of {@code type} answering the named methods; any other returns null. */
  private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> answers.get(method.getName())));
  }

  /** A runtime whose every answer about what it matched fails. */
  private static final class ThrowingAdapter implements RuntimeAdapter {
    @Override
    public void install(FeatureContext context, RequestLifecycle lifecycle) {}

    @Override
    public Object locatorChain(ContainerRequestContext request) {
      throw new IllegalStateException("a runtime's internals changed");
    }

    @Override
    public boolean tookChain(ContainerRequestContext request, Object chain) {
      throw new IllegalStateException("a runtime's internals changed");
    }

    @Override
    public Object matchedSoFar(UriInfo uriInfo) {
      throw new IllegalStateException("a runtime's internals changed");
    }

    @Override
    public String template(Object chain, String ownPath) {
      throw new IllegalStateException("a runtime's internals changed");
    }
  }
}
