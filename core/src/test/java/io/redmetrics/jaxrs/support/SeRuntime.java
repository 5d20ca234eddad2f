package io.redmetrics.jaxrs.support;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import jakarta.ws.rs.core.Application;

/** Starts each test's applications with {@code SeBootstrap} on an ephemeral loopback port. */
final class SeRuntime implements ConformanceRuntime {

  private final Limits limits;

  SeRuntime(Limits limits) {
    this.limits = limits;
  }

  @Override
  public RunningApp shop(PrometheusRegistry registry) {
    return RunningApp.start(ShopApp.with(ShopApp.defaultFeature().registry(registry).build()), "/");
  }

  @Override
  public RunningApp start(Application application, String rootPath) {
    return RunningApp.start(application, rootPath);
  }

  @Override
  public void assumeStartsApplications() {}

  @Override
  public boolean runsInThisJvm() {
    return true;
  }

  @Override
  public boolean declares(Limit limit) {
    return limits.contains(limit);
  }
}
