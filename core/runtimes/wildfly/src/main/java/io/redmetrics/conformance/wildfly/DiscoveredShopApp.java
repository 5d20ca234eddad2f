package io.redmetrics.conformance.wildfly;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The shop as a WAR that lists no classes and gives no properties: WildFly's RESTEasy then
 * registers what it finds, the fixtures' {@code @Path} resources and {@code @Provider} classes in
 * {@code WEB-INF/classes} and {@code RedMetricsFeature} ({@code @Provider}) in the library's jar in
 * {@code WEB-INF/lib}. The only setting, the test control resource's exclusion, comes from
 * WildFly's MicroProfile Config ({@code META-INF/microprofile-config.properties}; the subsystem is
 * in the default {@code standalone.xml}): were it not read, the control resource's routes would
 * show in {@code http_route_info} and fail {@code RouteInfoTest}.
 *
 * <p>Only in {@code conformance-discovered.war}; {@code conformance.war} leaves it out (pom.xml).
 */
@ApplicationPath("/")
public class DiscoveredShopApp extends Application {}
