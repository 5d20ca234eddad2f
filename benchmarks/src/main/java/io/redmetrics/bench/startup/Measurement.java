package io.redmetrics.bench.startup;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One start of the server, as {@link StartupBench} measured it: a line of {@code results.tsv}. */
final class Measurement {

  /** The columns of {@code results.tsv}. */
  static final List<String> COLUMNS =
      List.of(
          "round", "runtime", "methods", "variant",
          "ready_ms", "first_ms", "scrape_ms", "scrape_only_ms",
          "cpu_first_ms", "cpu_scrape_ms", "cpu_jit_ms", "cpu_gc_ms",
          "build_ms", "start_ms", "configure_ms", "configure_cpu_ms", "bind_ms", "bind_cpu_ms",
          "binder_calls",
          "heap_mb", "metaspace_mb", "classes", "routes_listed", "failure");

  final int round;
  final String runtime;
  final int methods;
  final String variant;
  /** From the launch of the JVM until its READY line: listening. */
  double readyMs = Double.NaN;
  /** From the launch until the first request to a route answered. */
  double firstMs = Double.NaN;
  /** From the launch until the {@code /metrics} request after it answered (bare: a 404). */
  double scrapeMs = Double.NaN;
  /** That {@code /metrics} request alone. */
  double scrapeOnlyMs = Double.NaN;
  /** The server's CPU time (all its threads) when the first request was answered. */
  double cpuFirstMs = Double.NaN;
  /** The server's CPU time when the {@code /metrics} request after it was answered. */
  double cpuScrapeMs = Double.NaN;
  /**
   * Of {@link #cpuScrapeMs}: the JIT compiler threads' ({@code C1/C2 CompilerThread}) and the
   * garbage collector's ({@code GC Thread}, {@code G1 ...}); the rest is the application's, the
   * runtime's and the JVM's other threads, those that ended included.
   */
  double cpuJitMs = Double.NaN;

  double cpuGcMs = Double.NaN;

  /** In the server, from {@code main}: the application object built. */
  double buildMs = Double.NaN;
  /** In the server, from {@code main}: {@code SeBootstrap} done. */
  double startMs = Double.NaN;
  /** The library's {@code Feature#configure}. */
  double configureMs = Double.NaN;
  /** The deploying thread's CPU time in it. */
  double configureCpuMs = Double.NaN;
  /** The library's {@code DynamicFeature#configure}, over all resource methods. */
  double bindMs = Double.NaN;
  /** The deploying thread's CPU time in it. */
  double bindCpuMs = Double.NaN;
  /**
   * Calls of the library's dynamic feature: one per resource method, plus those the runtime adds
   * (Jersey's own OPTIONS and HEAD handlers, CXF's locators), which it returns from at once.
   */
  long binderCalls;
  double heapMb = Double.NaN;
  double metaspaceMb = Double.NaN;
  long classes;
  int routesListed;
  String failure;

  Measurement(int round, String runtime, int methods, String variant) {
    this.round = round;
    this.runtime = runtime;
    this.methods = methods;
    this.variant = variant;
  }

  /** Reads the server's READY line. */
  void server(String ready) {
    Map<String, String> values = values(ready);
    buildMs = Double.parseDouble(values.get("build_ms"));
    startMs = Double.parseDouble(values.get("start_ms"));
    configureMs = Double.parseDouble(values.get("configure_ms"));
    configureCpuMs = Double.parseDouble(values.get("configure_cpu_ms"));
    bindMs = Double.parseDouble(values.get("bind_ms"));
    bindCpuMs = Double.parseDouble(values.get("bind_cpu_ms"));
    binderCalls = Long.parseLong(values.get("binder_calls"));
  }

  /** Sums the CPU time of the server's threads, by their names, into JIT and GC. */
  void threadCpu(Map<String, Double> byName) {
    if (byName.isEmpty()) {
      return;
    }
    cpuJitMs = 0;
    cpuGcMs = 0;
    for (Map.Entry<String, Double> e : byName.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
        cpuJitMs += e.getValue();
      } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
        cpuGcMs += e.getValue();
      }
    }
  }

  /** Reads the server's HEAP line. */
  void heap(String heap) {
    Map<String, String> values = values(heap);
    heapMb = Long.parseLong(values.get("used")) / 1048576.0;
    metaspaceMb = Long.parseLong(values.get("metaspace")) / 1048576.0;
    classes = Long.parseLong(values.get("classes"));
  }

  Measurement failed(String why) {
    failure = why;
    return this;
  }

  String tsv() {
    return String.join(
        "\t",
        Integer.toString(round), runtime, Integer.toString(methods), variant,
        f(readyMs), f(firstMs), f(scrapeMs), f(scrapeOnlyMs),
        f(cpuFirstMs), f(cpuScrapeMs), f(cpuJitMs), f(cpuGcMs),
        f(buildMs), f(startMs), f(configureMs), f(configureCpuMs), f(bindMs), f(bindCpuMs),
        Long.toString(binderCalls),
        f(heapMb), f(metaspaceMb), Long.toString(classes), Integer.toString(routesListed),
        failure == null ? "" : failure.replace('\t', ' ').replace('\n', ' '));
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "   round %2d %-8s %4d %-10s listening %6.0f  first request %6.0f (CPU %6.0f)"
            + "  then /metrics %5.0f ms  library CPU %5.1f + %5.1f ms  heap %5.1f MB  %5d classes%s",
        round, runtime, methods, variant, readyMs, firstMs, cpuFirstMs, scrapeOnlyMs,
        configureCpuMs, bindCpuMs,
        heapMb, classes, failure == null ? "" : "  FAILED: " + failure);
  }

  private static String f(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static Map<String, String> values(String line) {
    Map<String, String> values = new HashMap<>();
    for (String word : line.split(" ")) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        values.put(word.substring(0, eq), word.substring(eq + 1));
      }
    }
    return values;
  }
}
