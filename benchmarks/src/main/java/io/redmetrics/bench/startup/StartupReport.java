package io.redmetrics.bench.startup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Prints the Markdown tables of a startup run from its {@code results.tsv} ({@link StartupBench}).
 * Each cell is the median over the rounds, the smallest and largest round in brackets; each
 * difference and ratio to {@code bare} is taken within a round (the same runtime and size, started
 * back to back), then summarised the same way. Failed measurements are left out, and so is their
 * round's difference.
 *
 * <p>Usage: {@code StartupReport <results.tsv>}.
 */
public final class StartupReport {

  private StartupReport() {}

  /**
   * Prints the tables of a results file.
   *
   * @param args the results file
   * @throws IOException when it cannot be read
   */
  public static void main(String[] args) throws IOException {
    print(Path.of(args[0]), System.out);
  }

  /** A (runtime, methods, variant): its rows by round. */
  private static final class Cell {
    final Map<Integer, Map<String, String>> rounds = new LinkedHashMap<>();
  }

  static void print(Path results, PrintStream out) throws IOException {
    List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
    List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
    Map<String, Cell> cells = new LinkedHashMap<>();
    TreeSet<Integer> sizes = new TreeSet<>();
    List<String> runtimes = new ArrayList<>();
    int failed = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split("\t", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < fields.length ? fields[i] : "");
      }
      if (row.containsKey("cpu_jit_ms") && !row.get("cpu_jit_ms").isEmpty()) {
        row.put("cpu_rest_ms", Double.toString(Double.parseDouble(row.get("cpu_scrape_ms"))
            - Double.parseDouble(row.get("cpu_jit_ms")) - Double.parseDouble(row.get("cpu_gc_ms"))));
      }
      if (!row.get("failure").isEmpty()) {
        failed++;
        continue;
      }
      String runtime = row.get("runtime");
      if (!runtimes.contains(runtime)) {
        runtimes.add(runtime);
      }
      sizes.add(Integer.parseInt(row.get("methods")));
      cells
          .computeIfAbsent(key(runtime, row.get("methods"), row.get("variant")), k -> new Cell())
          .rounds
          .put(Integer.parseInt(row.get("round")), row);
    }
    out.println("Time from the launch of the JVM (wall clock):");
    out.println();
    out.println("| runtime | methods | variant | listening ms | first request ms | over bare ms"
        + " | vs bare | first /metrics ms | over bare ms |");
    out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (String runtime : runtimes) {
      for (int size : sizes) {
        Cell bare = cells.get(key(runtime, Integer.toString(size), "bare"));
        Cell red = cells.get(key(runtime, Integer.toString(size), "redmetrics"));
        if (bare != null && red != null) {
          out.println(timeRow(runtime, size, "bare", bare, null));
          out.println(timeRow(runtime, size, "redmetrics", red, bare));
        }
      }
    }
    out.println();
    out.println("Work and memory: the server's CPU time (all threads) until each answer, the"
        + " library's own deployment work, heap after a full GC and classes loaded once both were"
        + " answered:");
    out.println();
    out.println("| runtime | methods | variant | CPU to first request ms | over bare ms | vs bare"
        + " | CPU to first /metrics ms | over bare ms | library's own CPU ms (configure + bind)"
        + " | heap MB | over bare MB | classes | over bare |");
    out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        + " ---: |");
    for (String runtime : runtimes) {
      for (int size : sizes) {
        Cell bare = cells.get(key(runtime, Integer.toString(size), "bare"));
        Cell red = cells.get(key(runtime, Integer.toString(size), "redmetrics"));
        if (bare != null && red != null) {
          out.println(workRow(runtime, size, "bare", bare, null));
          out.println(workRow(runtime, size, "redmetrics", red, bare));
        }
      }
    }
    out.println();
    out.println("/metrics follows the first request (bare: a 404). library's own: the deploying"
        + " thread's CPU time in the feature's configure, plus in its DynamicFeature over all"
        + " resource methods (TimedFeature).");
    if (header.contains("cpu_jit_ms")) {
      out.println();
      out.println("The server's CPU time to the first /metrics by threads: JIT compilers, garbage"
          + " collector, the rest (the application's and the runtime's threads, the JVM's others):");
      out.println();
      out.println("| runtime | methods | variant | JIT ms | over bare | GC ms | over bare | rest ms"
          + " | over bare |");
      out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
      for (String runtime : runtimes) {
        for (int size : sizes) {
          Cell bare = cells.get(key(runtime, Integer.toString(size), "bare"));
          Cell red = cells.get(key(runtime, Integer.toString(size), "redmetrics"));
          if (bare != null && red != null) {
            out.println(threadRow(runtime, size, "bare", bare, null));
            out.println(threadRow(runtime, size, "redmetrics", red, bare));
          }
        }
      }
    }
    if (sizes.size() > 1) {
      out.println();
      out.println("Per resource method, between sizes (differences of the medians of the per-round"
          + " differences to bare):");
      out.println();
      out.println("| runtime | methods | first request over bare, µs/method | CPU to first request"
          + " over bare, µs/method | CPU to first /metrics over bare, µs/method | library's own CPU"
          + " (bind), µs/method | heap over bare, KB/method |");
      out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
      for (String runtime : runtimes) {
        Integer previous = null;
        for (int size : sizes) {
          if (previous != null) {
            out.println(slopeRow(cells, runtime, previous, size));
          }
          previous = size;
        }
      }
    }
    if (failed > 0) {
      out.println();
      out.println(failed + " failed measurement(s) left out: see results.tsv");
    }
  }

  private static String key(String runtime, String methods, String variant) {
    return runtime + "/" + methods + "/" + variant;
  }

  private static String timeRow(String runtime, int size, String variant, Cell cell, Cell bare) {
    List<String> c = start(runtime, size, variant);
    c.add(summary(values(cell, "ready_ms"), "%.0f"));
    c.add(summary(values(cell, "first_ms"), "%.0f"));
    c.add(bare == null ? "0" : summary(differences(cell, bare, "first_ms"), "%+.0f"));
    c.add(bare == null ? "1" : summary(ratios(cell, bare, "first_ms"), "%.2f"));
    c.add(summary(values(cell, "scrape_ms"), "%.0f"));
    c.add(bare == null ? "0" : summary(differences(cell, bare, "scrape_ms"), "%+.0f"));
    return "| " + String.join(" | ", c) + " |";
  }

  private static String workRow(String runtime, int size, String variant, Cell cell, Cell bare) {
    List<String> c = start(runtime, size, variant);
    c.add(summary(values(cell, "cpu_first_ms"), "%.0f"));
    c.add(bare == null ? "0" : summary(differences(cell, bare, "cpu_first_ms"), "%+.0f"));
    c.add(bare == null ? "1" : summary(ratios(cell, bare, "cpu_first_ms"), "%.2f"));
    c.add(summary(values(cell, "cpu_scrape_ms"), "%.0f"));
    c.add(bare == null ? "0" : summary(differences(cell, bare, "cpu_scrape_ms"), "%+.0f"));
    c.add(bare == null ? "" : summary(values(cell, "configure_cpu_ms"), "%.0f") + " + "
        + summary(values(cell, "bind_cpu_ms"), "%.0f"));
    c.add(summary(values(cell, "heap_mb"), "%.1f"));
    c.add(bare == null ? "0" : summary(differences(cell, bare, "heap_mb"), "%+.1f"));
    c.add(summary(values(cell, "classes"), "%.0f"));
    c.add(bare == null ? "0" : summary(differences(cell, bare, "classes"), "%+.0f"));
    return "| " + String.join(" | ", c) + " |";
  }

  private static String threadRow(String runtime, int size, String variant, Cell cell, Cell bare) {
    List<String> c = start(runtime, size, variant);
    for (String column : List.of("cpu_jit_ms", "cpu_gc_ms", "cpu_rest_ms")) {
      c.add(summary(values(cell, column), "%.0f"));
      c.add(bare == null ? "0" : summary(differences(cell, bare, column), "%+.0f"));
    }
    return "| " + String.join(" | ", c) + " |";
  }

  private static List<String> start(String runtime, int size, String variant) {
    List<String> c = new ArrayList<>();
    c.add(runtime);
    c.add(String.format(Locale.ROOT, "%,d", size));
    c.add(variant);
    return c;
  }

  private static String slopeRow(Map<String, Cell> cells, String runtime, int from, int to) {
    Cell bareFrom = cells.get(key(runtime, Integer.toString(from), "bare"));
    Cell redFrom = cells.get(key(runtime, Integer.toString(from), "redmetrics"));
    Cell bareTo = cells.get(key(runtime, Integer.toString(to), "bare"));
    Cell redTo = cells.get(key(runtime, Integer.toString(to), "redmetrics"));
    if (bareFrom == null || redFrom == null || bareTo == null || redTo == null) {
      return "| " + runtime + " | " + from + " → " + to + " | | | | | |";
    }
    double n = to - from;
    double first = median(differences(redTo, bareTo, "first_ms"))
        - median(differences(redFrom, bareFrom, "first_ms"));
    double cpu = median(differences(redTo, bareTo, "cpu_first_ms"))
        - median(differences(redFrom, bareFrom, "cpu_first_ms"));
    double scrape = median(differences(redTo, bareTo, "cpu_scrape_ms"))
        - median(differences(redFrom, bareFrom, "cpu_scrape_ms"));
    double own = median(values(redTo, "bind_cpu_ms")) - median(values(redFrom, "bind_cpu_ms"));
    double heap = median(differences(redTo, bareTo, "heap_mb"))
        - median(differences(redFrom, bareFrom, "heap_mb"));
    return String.format(Locale.ROOT, "| %s | %,d → %,d | %.0f | %.0f | %.0f | %.0f | %.2f |",
        runtime, from, to, first * 1000 / n, cpu * 1000 / n, scrape * 1000 / n, own * 1000 / n,
        heap * 1024 / n);
  }

  private static List<Double> values(Cell cell, String column) {
    List<Double> values = new ArrayList<>();
    for (Map<String, String> row : cell.rounds.values()) {
      values.add(Double.parseDouble(row.get(column)));
    }
    return values;
  }

  private static List<Double> differences(Cell cell, Cell bare, String column) {
    List<Double> values = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, String>> e : cell.rounds.entrySet()) {
      Map<String, String> base = bare.rounds.get(e.getKey());
      if (base != null) {
        values.add(Double.parseDouble(e.getValue().get(column)) - Double.parseDouble(base.get(column)));
      }
    }
    return values;
  }

  private static List<Double> ratios(Cell cell, Cell bare, String column) {
    List<Double> values = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, String>> e : cell.rounds.entrySet()) {
      Map<String, String> base = bare.rounds.get(e.getKey());
      if (base != null) {
        values.add(Double.parseDouble(e.getValue().get(column)) / Double.parseDouble(base.get(column)));
      }
    }
    return values;
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static String summary(List<Double> values, String format) {
    if (values.isEmpty()) {
      return "-";
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
    double max = values.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
    return String.format(Locale.ROOT, format + " [" + format + "–" + format + "]",
        median(values), min, max);
  }
}
