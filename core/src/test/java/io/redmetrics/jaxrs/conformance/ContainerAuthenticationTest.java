package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.redmetrics.jaxrs.fixtures.SecuredShopApp;
import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RunningApp;
import io.redmetrics.jaxrs.support.Scrape;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics role behind the container's own authentication: an application server deploys
 * {@link SecuredShopApp} next to the shop, asks for HTTP basic authentication on its metrics path
 * against a user registry of its own, and the library lets through only callers in the role.
 *
 * <p>Runtime modules that deploy it so set {@value #PROPERTY} and define the users below: {@value
 * #READER} in the role, {@value #OTHER} authenticated but not in it. Elsewhere the test is skipped:
 * {@code SeBootstrap} runtimes have no container authentication ({@link MetricsAccessTest} proves
 * the role with an application's own authentication filter on every runtime).
 */
class ContainerAuthenticationTest {

  /** Set to {@code true} by runtime modules that deploy {@link SecuredShopApp} as above. */
  static final String PROPERTY = "redmetrics.conformance.container-authentication";

  static final String READER = "scraper";
  static final String OTHER = "shopper";
  /** Both users' password in the server's test registry. */
  static final String PASSWORD = "conformance-secret";

  private static final String METRICS = SecuredShopApp.PATH.substring(1) + "/metrics";

  private final ConformanceRuntime runtime = ConformanceRuntime.current();

  @BeforeEach
  void deployed() {
    assumeTrue(
        Boolean.getBoolean(PROPERTY),
        "this runtime deploys no application behind the container's authentication");
  }

  @Test
  void only_an_authenticated_caller_in_the_role_gets_the_scrape() {
    try (RunningApp server = runtime.shop(null)) {
      Http http = new Http(server);
      assertEquals(200, http.status(SecuredShopApp.PATH.substring(1) + "/products/1"));

      assertRefused(401, http.get(METRICS));
      assertRefused(401, http.get(METRICS, "Authorization", basic(READER, "wrong")));
      assertRefused(403, http.get(METRICS, "Authorization", basic(OTHER, PASSWORD)));

      HttpResponse<byte[]> scrape = http.get(METRICS, "Authorization", basic(READER, PASSWORD));
      assertEquals(200, scrape.statusCode());
      Scrape parsed = Scrape.parse(body(scrape));
      assertTrue(
          parsed.value(
                  "http_requests_total",
                  "path", SecuredShopApp.PATH + "/products/{id}",
                  "status_code", "200")
              >= 1,
          parsed.text());
    }
  }

  private static void assertRefused(int status, HttpResponse<byte[]> response) {
    assertEquals(status, response.statusCode(), body(response));
    assertFalse(body(response).contains("http_requests_total"), body(response));
  }

  private static String basic(String user, String password) {
    byte[] credentials = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(credentials);
  }

  private static String body(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
