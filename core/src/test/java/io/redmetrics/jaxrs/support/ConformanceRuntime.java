package io.redmetrics.jaxrs.support;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.core.Application;
import java.net.URI;

/**
 * Where the conformance suite's applications run: started per test with {@code SeBootstrap} on
 * whichever runtime is on the class path, or one application already deployed on a server (Open
 * Liberty) and reached at a URI. A deployed runtime runs every test that needs only the shop with
 * the suite's default settings, and skips, with a JUnit assumption that says why, the tests that
 * start applications of their own.
 *
 * <p>The runtime module chooses with system properties: {@value #BASE_URI} for a deployed shop,
 * {@value #SERVICE} for the service it was deployed with, and {@value #LIMITS} for the documented
 * limits of its runtime ({@link Limit}).
 */
public interface ConformanceRuntime {

  /**
   * The system property naming the base URI of a deployed shop ({@code
   * io.redmetrics.jaxrs.fixtures.DeployedShopApp}), for example {@code http://127.0.0.1:9080/};
   * unset to start applications with {@code SeBootstrap}.
   */
  String BASE_URI = "redmetrics.conformance.base-uri";

  /**
   * The system property naming the {@code service} a deployed shop was configured with, where a
   * server runs several shops apart; unset: the default, {@code jaxrs}.
   */
  String SERVICE = "redmetrics.conformance.service";

  /** The system property listing the runtime's documented limits, comma-separated {@link Limit} ids. */
  String LIMITS = "redmetrics.conformance.limits";

  /** The runtime the system properties describe. */
  static ConformanceRuntime current() {
    Limits limits = Limits.parse(System.getProperty(LIMITS, ""));
    String base = System.getProperty(BASE_URI, "");
    return base.isBlank() ? new SeRuntime(limits) : new DeployedRuntime(URI.create(base), limits);
  }

  /**
   * The shop with the suite's default settings: started on {@code registry}, or the deployed one
   * (whose registry is the server's own). Closing it stops what was started.
   */
  RunningApp shop(PrometheusRegistry registry);

  /**
   * Starts an application of the test's own below {@code rootPath}; on a deployed runtime, skips
   * the test instead.
   */
  RunningApp start(Application application, String rootPath);

  /** Starts an application of the test's own at the root path; skips the test where it cannot. */
  default RunningApp start(Application application) {
    return start(application, "/");
  }

  /**
   * Skips the test, with a JUnit assumption that says why, unless this runtime starts applications
   * of a test's own (other settings, base paths or registries).
   */
  void assumeStartsApplications();

  /**
   * Whether the applications run in this JVM (started with {@code SeBootstrap}), where a test can
   * see their heap and watch their {@code java.util.logging}; {@code false} for a deployed shop.
   */
  boolean runsInThisJvm();

  /** The {@code service} label every series of the shop carries ({@value #SERVICE}). */
  default String shopService() {
    return System.getProperty(SERVICE, "jaxrs");
  }

  /** Whether this runtime declares {@code limit}: the test then asserts the limit, not the rule. */
  boolean declares(Limit limit);
}
