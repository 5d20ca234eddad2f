package io.redmetrics.bench.startup;

import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Starts the startup benchmark's application once, in a JVM of its own, for {@link StartupBench}:
 * on whichever Jakarta REST runtime is on the class path (Jersey with Grizzly, RESTEasy with
 * Undertow, CXF with Jetty), through {@code SeBootstrap}, on {@code 127.0.0.1}.
 *
 * <p>Usage: {@code StartupServer <runtime> <bare|redmetrics> <methods> <port>}. Prints one line
 * once it accepts requests: {@code READY build_ms=.. start_ms=.. configure_ms=.. configure_cpu_ms=..
 * bind_ms=.. bind_cpu_ms=.. binder_calls=..} (the application object built, then {@code SeBootstrap} done, both counted from
 * {@code main}; the library's own work as {@link TimedFeature} saw it). Then it reads commands
 * from its standard input: {@code heap} prints {@code HEAP used=<bytes after a full GC>
 * metaspace=<bytes> classes=<loaded>}; {@code exit} or the end of the input stops it.
 */
public final class StartupServer {

  private StartupServer() {}

  /**
   * Starts, answers the commands, exits.
   *
   * @param args the runtime, the variant, the resource methods and the port
   * @throws Exception when the runtime does not start within 120 s
   */
  public static void main(String[] args) throws Exception {
    long main = System.nanoTime();
    if (args.length != 4) {
      System.err.println(
          "usage: StartupServer <jersey|resteasy|cxf> <bare|redmetrics> <methods> <port>");
      System.exit(2);
    }
    // Loaded here in both variants, so that TimedFeature's clock is no cost of redmetrics alone.
    ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    StartupApplication application = StartupApplication.of(args[1], Integer.parseInt(args[2]));
    long built = System.nanoTime();
    SeBootstrap.Configuration configuration =
        SeBootstrap.Configuration.builder()
            .protocol("HTTP")
            .host("127.0.0.1")
            .port(Integer.parseInt(args[3]))
            .rootPath("/")
            .build();
    SeBootstrap.Instance instance =
        SeBootstrap.start(application, configuration)
            .toCompletableFuture()
            .get(120, TimeUnit.SECONDS);
    long started = System.nanoTime();
    // After the start, so that the check costs nothing measured: the runtime the run asked for.
    String implementation = RuntimeDelegate.getInstance().getClass().getName();
    if (!implementation.toLowerCase(Locale.ROOT).contains("." + args[0] + ".")) {
      System.err.println("StartupServer " + args[0] + ": the runtime is " + implementation);
      System.exit(2);
    }
    System.out.printf(
        Locale.ROOT,
        "READY build_ms=%.1f start_ms=%.1f configure_ms=%.2f configure_cpu_ms=%.2f bind_ms=%.2f"
            + " bind_cpu_ms=%.2f binder_calls=%d%n",
        (built - main) / 1e6,
        (started - main) / 1e6,
        TimedFeature.CONFIGURE_NANOS.get() / 1e6,
        TimedFeature.CONFIGURE_CPU_NANOS.get() / 1e6,
        TimedFeature.BIND_NANOS.get() / 1e6,
        TimedFeature.BIND_CPU_NANOS.get() / 1e6,
        TimedFeature.BIND_CALLS.get());
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
      if (line.equals("heap")) {
        System.out.println(heap());
        System.out.flush();
      }
    }
    instance.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
    System.exit(0);
  }

  /** The heap in use after two full collections, the metaspace in use, the classes loaded. */
  private static String heap() {
    System.gc();
    System.gc();
    long metaspace = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals("Metaspace")) {
        metaspace = pool.getUsage().getUsed();
      }
    }
    return "HEAP used="
        + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
        + " metaspace="
        + metaspace
        + " classes="
        + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
  }
}
