package io.redmetrics.conformance.openliberty;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The shop as a WAR that lists no classes and gives no properties, its library in Liberty's global
 * shared library ({@code ${shared.config.dir}/lib/global}) instead of {@code WEB-INF/lib}. Liberty
 * registers the fixtures' {@code @Path} resources it finds in {@code WEB-INF/classes}, but its scan
 * does not reach the shared library: {@code RedMetricsFeature} comes in as a Jakarta REST 3.1
 * service, {@code META-INF/services/jakarta.ws.rs.core.Feature}, which the build puts beside the
 * library in the global library's folder (README.md). Its settings, the service {@code
 * discovered-shop} and the test control resource's exclusion, come from Liberty's MicroProfile
 * Config ({@code mpConfig}: {@code META-INF/microprofile-config.properties}): Liberty hands a
 * discovered provider no properties.
 *
 * <p>Only in {@code conformance-global-discovered.war} (pom.xml).
 */
@ApplicationPath("/")
public class DiscoveredShopApp extends Application {}
