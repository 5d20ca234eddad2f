package io.redmetrics.bench;

import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * Serves the benchmark application of one variant on {@code 127.0.0.1} until the JVM is stopped.
 *
 * <p>Usage: {@code BenchServer <variant> <port> [<alloc-port>]}, the variant one of {@link
 * Variant}'s names. Prints {@code READY <variant> <uri>} once it accepts requests. With an
 * allocation port, {@code GET /alloc} there answers the bytes the JVM's threads have allocated so
 * far ({@link AllocationEndpoint}), for run.sh to read before and after each measured run.
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
    if (args.length != 2 && args.length != 3) {
      System.err.println(
          "usage: BenchServer <bare|redmetrics|redmetrics-classic|micrometer|micrometer-hist|otel>"
              + " <port> [<alloc-port>]");
      System.exit(2);
    }
    Variant variant = Variant.named(args[0]);
    URI base = URI.create("http://127.0.0.1:" + Integer.parseInt(args[1]) + "/");
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base, variant.application());
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "bench-shutdown"));
    if (args.length == 3) {
      AllocationEndpoint.serve(Integer.parseInt(args[2]));
    }
    System.out.println("READY " + variant.cliName() + " " + base);
    Thread.currentThread().join();
  }
}
