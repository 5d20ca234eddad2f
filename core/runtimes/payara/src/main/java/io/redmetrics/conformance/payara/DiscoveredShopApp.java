package io.redmetrics.conformance.payara;

import io.redmetrics.jaxrs.RedMetricsFeature;
import io.redmetrics.jaxrs.fixtures.ShopApp;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The shop as a WAR that lists no classes: Payara's Jersey then registers what it finds, the
 * fixtures' {@code @Path} resources and {@code @Provider} classes in {@code WEB-INF/classes} and
 * {@code RedMetricsFeature} ({@code @Provider}) in the library's jar in {@code WEB-INF/lib}. The
 * only setting comes from the application's properties, which Jersey hands to discovered
 * providers too: the test control resource is excluded, as in {@code DeployedShopApp}.
 *
 * <p>Only in {@code conformance-discovered.war}; {@code conformance.war} leaves it out (pom.xml).
 */
@ApplicationPath("/")
public class DiscoveredShopApp extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(RedMetricsFeature.EXCLUDE, ShopApp.CONTROL_EXCLUDED);
  }
}
