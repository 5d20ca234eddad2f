package io.redmetrics.bench.startup;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.RedMetricsFeature;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The application of the startup benchmark, in plain Jakarta REST so that every runtime starts it
 * through {@code SeBootstrap}: the first {@code methods / 10} generated root resources ({@link
 * StartupResources}), bare or with redmetrics registered as {@code Variant.REDMETRICS} registers
 * it (service {@code bench}, a private registry), wrapped in a {@link TimedFeature}.
 */
final class StartupApplication extends Application {

  private final Set<Class<?>> classes;
  private final Set<Object> singletons;

  private StartupApplication(Set<Class<?>> classes, Set<Object> singletons) {
    this.classes = classes;
    this.singletons = singletons;
  }

  /**
   * The application of a variant.
   *
   * @param variant {@code bare} or {@code redmetrics}
   * @param methods the resource methods: a multiple of 10, at most all generated ones
   * @return the application
   */
  static StartupApplication of(String variant, int methods) {
    int perClass = StartupResources.METHODS_PER_CLASS;
    if (methods <= 0 || methods % perClass != 0
        || methods / perClass > StartupResources.ROOTS.size()) {
      throw new IllegalArgumentException(
          "methods: " + methods + ": want a multiple of " + perClass + " up to "
              + StartupResources.ROOTS.size() * perClass);
    }
    Set<Class<?>> classes = new HashSet<>(StartupResources.ROOTS.subList(0, methods / perClass));
    switch (variant) {
      case "bare":
        return new StartupApplication(classes, Set.of());
      case "redmetrics":
        return new StartupApplication(
            classes,
            Set.of(
                new TimedFeature(
                    RedMetricsFeature.builder()
                        .service("bench")
                        .registry(new PrometheusRegistry())
                        .build())));
      default:
        throw new IllegalArgumentException("variant: " + variant + ": want bare or redmetrics");
    }
  }

  @Override
  public Set<Class<?>> getClasses() {
    return classes;
  }

  @Override
  @SuppressWarnings("deprecation") // still the portable way to hand a configured instance over
  public Set<Object> getSingletons() {
    return singletons;
  }

  /** Jersey's: no WADL, no DataSource provider, as BenchApplication; the others ignore them. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.wadl.disableWadl", true,
        "jersey.config.disableDefaultProvider", "DATASOURCE");
  }
}
