package io.redmetrics.bench;

import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * Serves the benchmark application of one variant on {@code 127.0.0.1} until the JVM is stopped.
 *
 * <p>Usage: {@code BenchServer <bare|redmetrics|micrometer|micrometer-hist|otel> <port>}. Prints
 * {@code READY <variant> <uri>} once it accepts requests.
 */
public final class BenchServer {

  private BenchServer() {}

  /**
   * Starts the server and waits until the JVM stops.
   *
   * @param args the variant and the port
   * @throws InterruptedException when the main thread is interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: BenchServer <bare|redmetrics|micrometer|micrometer-hist|otel> <port>");
      System.exit(2);
    }
    Variant variant = Variant.named(args[0]);
    URI base = URI.create("http://127.0.0.1:" + Integer.parseInt(args[1]) + "/");
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base, variant.application());
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "bench-shutdown"));
    System.out.println("READY " + variant.cliName() + " " + base);
    Thread.currentThread().join();
  }
}
