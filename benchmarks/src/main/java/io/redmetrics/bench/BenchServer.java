package io.redmetrics.bench;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * Serves the benchmark application of one variant on {@code 127.0.0.1} until the JVM is stopped.
 *
 * <p>Usage: {@code BenchServer <variant> <port> [<alloc-port>]}, the variant one of {@link
 * Variant}'s names. Prints {@code READY <variant> <uri>} once it accepts requests. With an
 * allocation port, {@code GET /alloc} there answers the bytes the JVM's threads have allocated so
 * far ({@link #allocatedBytes}), for run.sh to read before and after each measured run.
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
      serveAllocation(Integer.parseInt(args[2]));
    }
    System.out.println("READY " + variant.cliName() + " " + base);
    Thread.currentThread().join();
  }

  /**
   * Serves {@code GET /alloc} on a loopback port of its own, outside the application, so that the
   * variants' servers answer it alike. A read allocates a few kilobytes itself: nothing beside
   * the hundreds of thousands of requests of a measured run.
   */
  private static void serveAllocation(int port) {
    try {
      com.sun.net.httpserver.HttpServer alloc =
          com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      alloc.createContext("/alloc", BenchServer::answerAllocation);
      alloc.start();
    } catch (IOException e) {
      throw new IllegalStateException("allocation port " + port + ": " + e, e);
    }
  }

  private static void answerAllocation(HttpExchange exchange) throws IOException {
    byte[] body = (allocatedBytes() + "\n").getBytes(StandardCharsets.US_ASCII);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * The bytes allocated on the heap so far by the JVM's live threads, HotSpot's per-thread
   * counters summed. Threads that ended took their counts with them: the servers' worker threads
   * live as long as the server, so the difference over a run is what its requests allocated.
   *
   * @return the sum, in bytes
   */
  static long allocatedBytes() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      if (bytes > 0) {
        sum += bytes;
      }
    }
    return sum;
  }
}
