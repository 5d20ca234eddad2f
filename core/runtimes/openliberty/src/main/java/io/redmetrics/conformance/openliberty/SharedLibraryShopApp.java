package io.redmetrics.conformance.openliberty;

import io.redmetrics.jaxrs.RedMetricsFeature;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The shop registering the fixtures and {@code RedMetricsFeature} as classes, as {@code
 * DeployedShopApp} does, but with a service of its own, {@value #SERVICE}: its WAR takes the library
 * from Liberty's global shared library ({@code <classloader commonLibraryRef="global"/>}), one class
 * loader for every application that does, so one Prometheus client and one default registry, which
 * it shares with {@code conformance-global-discovered.war}; the service tells the shops apart.
 *
 * <p>Only in {@code conformance-global-explicit.war} (pom.xml).
 */
@ApplicationPath("/")
public class SharedLibraryShopApp extends Application {

  /** The service this shop records as. */
  public static final String SERVICE = "explicit-shop";

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new LinkedHashSet<>(ShopApp.RESOURCES);
    classes.add(RedMetricsFeature.class);
    return classes;
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        RedMetricsFeature.SERVICE, SERVICE, RedMetricsFeature.EXCLUDE, ShopApp.CONTROL_EXCLUDED);
  }
}
