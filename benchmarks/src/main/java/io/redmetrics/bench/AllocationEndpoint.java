package io.redmetrics.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /alloc} on a loopback port of its own, outside the application, so that every
 * server of a run (Jersey's {@link BenchServer}, RESTEasy's and CXF's {@link SeBenchServer})
 * answers it alike: the bytes the JVM's threads have allocated so far ({@link #allocatedBytes}),
 * for run.sh to read before and after each measured run. Only the JDK: no runtime is needed.
 */
final class AllocationEndpoint {

  private AllocationEndpoint() {}

  /**
   * Starts serving {@code GET /alloc} on {@code 127.0.0.1:port}. A read allocates a few kilobytes
   * itself: nothing beside the hundreds of thousands of requests of a measured run.
   *
   * @param port the loopback port
   */
  static void serve(int port) {
    try {
      HttpServer alloc = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      alloc.createContext("/alloc", AllocationEndpoint::answer);
      alloc.start();
    } catch (IOException e) {
      throw new IllegalStateException("allocation port " + port + ": " + e, e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
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
