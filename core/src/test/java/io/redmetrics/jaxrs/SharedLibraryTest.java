package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.redmetrics.jaxrs.fixtures.ProductsResource;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import io.redmetrics.jaxrs.support.ConformanceRuntime;
import io.redmetrics.jaxrs.support.Http;
import io.redmetrics.jaxrs.support.RunningApp;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Feature;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two applications that each bundle their own copy of the library, sharing the registry of a
 * Prometheus client that the server provides: as two WARs do with the client in a server-wide
 * library. Each copy is loaded by its own class loader, the Prometheus client and Jakarta REST by
 * the one they share.
 */
class SharedLibraryTest {

  private final ConformanceRuntime runtime = ConformanceRuntime.current();

  @Test
  void a_second_copy_of_the_library_on_a_shared_registry_fails_at_startup_saying_what_to_do()
      throws Exception {
    PrometheusRegistry shared = new PrometheusRegistry();
    try (RunningApp first =
            runtime.start(ShopApp.with(RedMetricsFeature.builder().registry(shared).build()));
        URLClassLoader secondWar = new CopyOfTheLibrary()) {
      Feature copy = featureOf(secondWar, shared);
      assertTrue(copy.getClass() != RedMetricsFeature.class);

      RuntimeException e =
          assertThrows(RuntimeException.class, () -> runtime.start(new WithFeature(copy)));
      String message = illegalArgument(e).getMessage();
      assertTrue(message.startsWith("registry: already holds http_requests_total"), message);
      assertTrue(message.contains("another copy of redmetrics-jaxrs"), message);
      assertTrue(message.contains("Give the application a registry of its own"), message);

      Http http = new Http(first);
      http.status("products/1");
      assertEquals(1, http.scrape().value("http_requests_total", "path", "/products/{id}"));
    }
  }

  /** {@code RedMetricsFeature.builder().registry(registry).build()} of another copy. */
  private static Feature featureOf(ClassLoader copy, PrometheusRegistry registry)
      throws ReflectiveOperationException {
    Class<?> feature = copy.loadClass(RedMetricsFeature.class.getName());
    Object builder = feature.getMethod("builder").invoke(null);
    builder.getClass().getMethod("registry", PrometheusRegistry.class).invoke(builder, registry);
    return (Feature) builder.getClass().getMethod("build").invoke(builder);
  }

  private static IllegalArgumentException illegalArgument(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        return (IllegalArgumentException) t;
      }
    }
    throw new AssertionError("no IllegalArgumentException in the chain", e);
  }

  /** Loads the library's own classes anew from its build output; everything else from parent. */
  private static final class CopyOfTheLibrary extends URLClassLoader {
    private static final String LIBRARY = RedMetricsFeature.class.getPackageName() + ".";

    CopyOfTheLibrary() {
      super(
          new URL[] {RedMetricsFeature.class.getProtectionDomain().getCodeSource().getLocation()},
          SharedLibraryTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (!name.startsWith(LIBRARY) || name.startsWith(LIBRARY + "fixtures.")) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : findClass(name);
      }
    }
  }

  /** One resource and a feature object of any class loader. */
  private static final class WithFeature extends Application {
    private final Object feature;

    WithFeature(Object feature) {
      this.feature = feature;
    }

    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(ProductsResource.class);
    }

    @Override
    @SuppressWarnings("deprecation") // the portable way to hand a configured instance over
    public Set<Object> getSingletons() {
      return Set.of(feature);
    }
  }
}
