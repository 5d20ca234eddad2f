package io.redmetrics.example.liberty;

import io.redmetrics.example.shop.ShopApi;
import io.redmetrics.jaxrs.RedMetricsFeature;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The shop API at {@code /api}, in the <em>explicit</em> style: this application lists its
 * classes, the RED metrics feature among them, so Open Liberty deploys exactly these and scans
 * for nothing; the feature's settings are given as configuration properties.
 *
 * <p>Built with {@code -Pexplicit-registration}: the WAR then holds this class, and the build
 * leaves {@link DiscoveredShopApplication} out of it.
 */
@ApplicationPath("/api")
public class ExplicitShopApplication extends Application {

  /**
   * Returns the shop's resources and exception mapper (module {@code example-shop}) and the RED
   * metrics feature.
   *
   * @return the classes of the application
   */
  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(ShopApi.classes());
    classes.add(RedMetricsFeature.class);
    return classes;
  }

  /**
   * Returns the RED metrics settings: the {@code service} label of every series is {@code shop}.
   *
   * @return the configuration properties of the application
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of(RedMetricsFeature.SERVICE, "shop");
  }
}
