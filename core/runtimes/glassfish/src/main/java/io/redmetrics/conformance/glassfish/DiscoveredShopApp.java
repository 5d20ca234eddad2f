package io.redmetrics.conformance.glassfish;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The shop as a WAR that lists no classes and gives no properties, as on Payara: GlassFish's Jersey
 * registers what it finds ({@code RedMetricsFeature} in the library's jar in {@code WEB-INF/lib},
 * the fixtures in {@code WEB-INF/classes}), and the feature takes its settings from GlassFish's
 * MicroProfile Config ({@code META-INF/microprofile-config.properties}).
 *
 * <p>Only in {@code conformance-discovered.war}; {@code conformance.war} leaves it out (pom.xml).
 */
@ApplicationPath("/")
public class DiscoveredShopApp extends Application {}
