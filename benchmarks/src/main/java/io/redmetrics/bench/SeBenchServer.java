package io.redmetrics.bench;

import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Serves the benchmark application on whichever Jakarta REST runtime is on the class path,
 * started through {@link SeBootstrap}: RESTEasy (Undertow) or Apache CXF (Jetty). Needs nothing
 * of Jersey, Grizzly or Micrometer, so that run.sh can start it with a class path of one runtime.
 *
 * <p>Usage: {@code SeBenchServer <runtime>-<variant> <port> [<alloc-port>]}, the runtime {@code
 * resteasy} or {@code cxf} (it must be the one on the class path: {@code RuntimeDelegate} picks
 * one implementation), the variant {@code bare}, {@code redmetrics} or {@code stages} ({@link
 * PortableApplication}). Prints {@code READY <name> <uri>} once it accepts requests. With an
 * allocation port, {@code GET /alloc} there answers as for {@link BenchServer}.
 */
public final class SeBenchServer {

  private SeBenchServer() {}

  /**
   * Starts the server and waits until the JVM stops.
   *
   * @param args the runtime and variant, the port, optionally the allocation port
   * @throws Exception when the runtime does not start within 60 s, or the wait is interrupted
   */
  public static void main(String[] args) throws Exception {
    int dash = args.length == 0 ? -1 : args[0].indexOf('-');
    if ((args.length != 2 && args.length != 3) || dash < 0) {
      usage();
    }
    String runtime = args[0].substring(0, dash);
    String variant = args[0].substring(dash + 1);
    String implementation = RuntimeDelegate.getInstance().getClass().getName();
    if (!implementation.toLowerCase(Locale.ROOT).contains("." + runtime + ".")) {
      System.err.println(
          "SeBenchServer " + args[0] + ": the runtime on the class path is " + implementation);
      System.exit(2);
    }
    PortableApplication application;
    if (variant.equals("bare")) {
      application = PortableApplication.bare();
    } else if (variant.equals("redmetrics")) {
      application = PortableApplication.redmetrics();
    } else if (variant.equals("stages")) {
      application = PortableApplication.stages();
    } else {
      usage();
      return;
    }
    SeBootstrap.Configuration configuration =
        SeBootstrap.Configuration.builder()
            .protocol("HTTP")
            .host("127.0.0.1")
            .port(Integer.parseInt(args[1]))
            .rootPath("/")
            .build();
    SeBootstrap.Instance instance =
        SeBootstrap.start(application, configuration).toCompletableFuture().get(60, TimeUnit.SECONDS);
    Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "bench-shutdown"));
    if (args.length == 3) {
      AllocationEndpoint.serve(Integer.parseInt(args[2]));
    }
    System.out.println("READY " + args[0] + " " + instance.configuration().baseUri());
    Thread.currentThread().join();
  }

  private static void usage() {
    System.err.println(
        "usage: SeBenchServer <resteasy|cxf>-<bare|redmetrics|stages> <port> [<alloc-port>]");
    System.exit(2);
  }
}
