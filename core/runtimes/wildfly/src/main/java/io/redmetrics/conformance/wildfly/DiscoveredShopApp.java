package io.redmetrics.conformance.wildfly;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The shop as a WAR that lists no classes and gives no properties: WildFly's RESTEasy then
 * registers what it finds, the fixtures' {@code @Path} resources and {@code @Provider} classes in
 * {@code WEB-INF/classes} and {@code RedMetricsFeature} ({@code @Provider}) in the library's jar in
 * {@code WEB-INF/lib}, or in the module {@code io.redmetrics}. The settings, the test control
 * resource's exclusion and for the module's WARs a service of their own, come from WildFly's
 * MicroProfile Config (each WAR's {@code WEB-INF/classes/META-INF/microprofile-config.properties};
 * the subsystem is in the default {@code standalone.xml}): were they not read, the control
 * resource's routes would show in {@code http_route_info} and fail {@code RouteInfoTest}.
 *
 * <p>In {@code conformance-discovered.war}, {@code conformance-module.war} and {@code
 * conformance-global.war}; {@code conformance.war} leaves it out (pom.xml).
 */
@ApplicationPath("/")
public class DiscoveredShopApp extends Application {}
