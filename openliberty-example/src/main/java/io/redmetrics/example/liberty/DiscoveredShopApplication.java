package io.redmetrics.example.liberty;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The shop API at {@code /api}, in the <em>discovered</em> style: this application lists no
 * classes, so Open Liberty scans the WAR ({@code WEB-INF/classes} and {@code WEB-INF/lib}) for
 * {@code @Path} resources and {@code @Provider}s: it finds the shop's resources and exception
 * mapper in the {@code example-shop} jar, and {@code RedMetricsFeature} in the library's jar. Not
 * a line of code mentions the library.
 *
 * <p>The default style: the WAR holds this class, and the build leaves {@link
 * ExplicitShopApplication} out of it (profile {@code explicit-registration} swaps them).
 */
@ApplicationPath("/api")
public class DiscoveredShopApplication extends Application {}
