package io.redmetrics.jaxrs.support;

import static org.junit.jupiter.api.Assumptions.abort;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.core.Application;
import java.net.URI;

/**
 * Reaches the shop a server already runs ({@code io.redmetrics.jaxrs.fixtures.DeployedShopApp});
 * starts nothing, so tests that need applications of their own are skipped.
 */
final class DeployedRuntime implements ConformanceRuntime {

  private final URI base;
  private final Limits limits;

  DeployedRuntime(URI base, Limits limits) {
    this.base = base;
    this.limits = limits;
  }

  @Override
  public RunningApp shop(PrometheusRegistry registry) {
    return RunningApp.at(base);
  }

  @Override
  public RunningApp start(Application application, String rootPath) {
    return abort(whyNot());
  }

  @Override
  public void assumeStartsApplications() {
    abort(whyNot());
  }

  private String whyNot() {
    return "needs an application of its own (other settings, base path or registry), and the shop"
        + " deployed at "
        + base
        + " is the only application of this runtime";
  }

  @Override
  public boolean runsInThisJvm() {
    return false;
  }

  @Override
  public boolean declares(Limit limit) {
    return limits.contains(limit);
  }
}
