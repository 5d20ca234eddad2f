package io.redmetrics.bench;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.RedMetricsFeature;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The benchmark application in plain Jakarta REST, for {@link SeBenchServer}: the same resources
 * as {@link BenchApplication} (which is a Jersey {@code ResourceConfig}), optionally with
 * redmetrics registered exactly as {@link Variant#REDMETRICS} registers it, or with no-op
 * providers in the same stages.
 */
final class PortableApplication extends Application {

  private final Set<Object> singletons;

  private PortableApplication(Set<Object> singletons) {
    this.singletons = singletons;
  }

  /**
   * The application without metrics.
   *
   * @return {@code /products/{id}} and {@code /orders/{orderId}/lines/{lineId}}, nothing else
   */
  static PortableApplication bare() {
    return new PortableApplication(Set.of());
  }

  /**
   * The application with redmetrics' defaults, service {@code bench}, a private registry.
   *
   * @return the same resources plus the feature, which also serves {@code /metrics}
   */
  static PortableApplication redmetrics() {
    return new PortableApplication(
        Set.of(
            RedMetricsFeature.builder().service("bench").registry(new PrometheusRegistry()).build()));
  }

  /**
   * The application with a provider that does nothing in each stage redmetrics uses ({@link
   * NoOpStages}): what the runtime itself allocates for those stages.
   *
   * @return the same resources plus the four no-op providers
   */
  static PortableApplication stages() {
    return new PortableApplication(NoOpStages.all());
  }

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(ProductsResource.class, OrdersResource.class);
  }

  @Override
  @SuppressWarnings("deprecation") // still the portable way to hand a configured instance over
  public Set<Object> getSingletons() {
    return singletons;
  }
}
