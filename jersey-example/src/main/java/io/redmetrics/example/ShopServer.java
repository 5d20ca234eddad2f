package io.redmetrics.example;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.redmetrics.jaxrs.RedMetricsFeature;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * Runs the shop API on an embedded Grizzly server until the JVM is stopped (Ctrl+C).
 *
 * <p>Usage: {@code ShopServer [port]}; the system properties {@code port} and {@code host} work
 * too. The default base URI is {@code http://127.0.0.1:8080/}.
 */
public final class ShopServer {

  private ShopServer() {}

  /**
   * Starts the server and waits until the JVM stops.
   *
   * @param args optionally the port
   * @throws InterruptedException when the main thread is interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    URI base = ServerAddress.baseUri(args, System.getProperties());
    JvmMetrics.builder().register();
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base, new ShopApplication());
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "shop-shutdown"));
    // The feature reads its metrics path from the same system property (ShopApplication).
    String metricsPath =
        System.getProperty(RedMetricsFeature.METRICS_PATH, "metrics").trim().replaceAll("^/+|/+$", "");
    System.out.println(StartupBanner.text(base, metricsPath));
    Thread.currentThread().join();
  }
}
