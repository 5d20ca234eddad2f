package io.redmetrics.bench;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.model.Resource;

/** {@code GET /metrics} for the Micrometer variants: the Prometheus text of their registry. */
public final class MicrometerScrape implements Inflector<ContainerRequestContext, String> {

  private final PrometheusMeterRegistry registry;

  private MicrometerScrape(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * A resource that scrapes one registry.
   *
   * @param registry the registry that Jersey's listener records into
   * @return the programmatic resource {@code GET /metrics}
   */
  public static Resource resource(PrometheusMeterRegistry registry) {
    Resource.Builder builder = Resource.builder("metrics");
    builder
        .addMethod("GET")
        .produces("text/plain; version=0.0.4; charset=utf-8")
        .handledBy(new MicrometerScrape(registry));
    return builder.build();
  }

  /**
   * Scrapes the registry.
   *
   * @param request the request, unused
   * @return the registry in the Prometheus text format
   */
  @Override
  public String apply(ContainerRequestContext request) {
    return registry.scrape();
  }
}
