package io.redmetrics.conformance.payara;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The shop as a WAR that lists no classes and gives no properties: Payara's Jersey then registers
 * what it finds, the fixtures' {@code @Path} resources and {@code @Provider} classes in {@code
 * WEB-INF/classes} and {@code RedMetricsFeature} ({@code @Provider}) in the library's jar in {@code
 * WEB-INF/lib}. Its settings, the test control resource's exclusion and a service of its own
 * ({@code discovered-shop}), come from Payara's MicroProfile Config ({@code
 * META-INF/microprofile-config.properties}): were they not read, the control resource's routes
 * would show in {@code http_route_info} and the series would carry {@code service="jaxrs"}, and
 * {@code RouteInfoTest} and {@code RouteLabelsTest} would fail.
 *
 * <p>Only in {@code conformance-discovered.war}; {@code conformance.war} leaves it out (pom.xml).
 */
@ApplicationPath("/")
public class DiscoveredShopApp extends Application {}
