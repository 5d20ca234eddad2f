package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.RedMetricsFeature;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.Limit;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.StartupFailures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The management port: the registry served by the Prometheus client's own server on a port of its
 * own, started and stopped with the applications that ask for it.
 */
class ManagementPortTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ConformanceRuntime runtime = ConformanceRuntime.current();

  @BeforeEach
  void startsApplications() {
    runtime.assumeStartsApplications();
  }

  @Test
  void the_registry_is_served_on_the_port_and_not_by_the_application() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    int port = freePort();
    try (RunningApp app = runtime.start(ShopApp.with(feature(registry, port, "shop")))) {
      Http http = new Http(app);
      assertEquals(200, http.status("products/1"));

      HttpResponse<String> scrape = scrape(port);
      assertEquals(200, scrape.statusCode());
      assertTrue(
          scrape.body().contains("http_requests_total{method=\"GET\",path=\"/products/{id}\""),
          scrape.body());
      assertEquals(404, http.status("metrics"), "the application's endpoint is off");
    }
  }

  @Test
  void applications_asking_for_one_port_share_it_until_the_last_stops() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    int port = freePort();
    RunningApp first = runtime.start(ShopApp.with(feature(registry, port, "first")));
    try (RunningApp second = runtime.start(ShopApp.with(feature(registry, port, "second")))) {
      try (first) {
        assertEquals(200, new Http(first).status("products/1"));
        assertEquals(200, new Http(second).status("products/2"));
        String both = scrape(port).body();
        assertTrue(both.contains("service=\"first\""), both);
        assertTrue(both.contains("service=\"second\""), both);
      }
      assertEquals(200, scrape(port).statusCode(), "the second application still serves it");
    }
    if (runtime.declares(Limit.STOPPING_IS_NOT_TOLD)) {
      assertEquals(200, scrape(port).statusCode(), "the runtime told no provider of the stop");
    } else {
      assertThrows(ConnectException.class, () -> scrape(port), "the port is closed");
    }
  }

  @Test
  void a_port_taken_fails_startup_naming_the_setting_and_the_address() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      RuntimeException e =
          assertThrows(
              RuntimeException.class,
              () ->
                  runtime
                      .start(ShopApp.with(feature(new PrometheusRegistry(), port, "shop")))
                      .close());
      String message = StartupFailures.illegalArgument(e).getMessage();
      assertTrue(message.startsWith("redmetrics.management-port: " + port + ": "), message);
      assertTrue(message.contains("cannot listen on 127.0.0.1:" + port), message);
    }
  }

  @Test
  void applications_with_other_registries_cannot_share_a_port() throws Exception {
    int port = freePort();
    try (RunningApp first =
        runtime.start(ShopApp.with(feature(new PrometheusRegistry(), port, "first")))) {
      RuntimeException e =
          assertThrows(
              RuntimeException.class,
              () ->
                  runtime
                      .start(ShopApp.with(feature(new PrometheusRegistry(), port, "second")))
                      .close());
      String message = StartupFailures.illegalArgument(e).getMessage();
      assertTrue(message.contains("already serves another registry"), message);
      assertEquals(200, scrape(port).statusCode(), "the first application's server is untouched");
      assertFalse(scrape(port).body().contains("service=\"second\""));
    }
  }

  private static RedMetricsFeature feature(PrometheusRegistry registry, int port, String service) {
    return ShopApp.defaultFeature().registry(registry).service(service).managementPort(port).build();
  }

  private static HttpResponse<String> scrape(int port) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A loopback port free a moment ago. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
