package io.redmetrics.bench;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.Set;

/**
 * Providers that do nothing, one in each stage redmetrics uses on a portable runtime: a
 * pre-matching request filter that sets one request property (as the clock start), a request
 * filter bound to each resource method (as the route filter), a response filter and a writer
 * interceptor. What a runtime allocates for them over its bare app is its own cost of running
 * those stages, which no provider in them can avoid ({@code resteasy-stages}, {@code
 * cxf-stages}).
 */
final class NoOpStages {

  private NoOpStages() {}

  /** The four providers, for {@code Application#getSingletons}. */
  static Set<Object> all() {
    return Set.of(new Start(), new Binder(), new End(), new Interceptor());
  }

  @PreMatching
  @Priority(1)
  static final class Start implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      request.setProperty("bench.start", Boolean.TRUE);
    }
  }

  /** Binds a no-op filter to every resource method, as redmetrics binds its route filter. */
  static final class Binder implements DynamicFeature {
    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
      context.register(new Route());
    }
  }

  static final class Route implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {}
  }

  static final class End implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {}
  }

  static final class Interceptor implements WriterInterceptor {
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
      context.proceed();
    }
  }
}
