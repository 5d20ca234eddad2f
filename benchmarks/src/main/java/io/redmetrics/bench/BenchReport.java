package io.redmetrics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the Markdown table of a run from the results file that run.sh writes.
 *
 * <p>Input: a tab-separated file whose header names the columns; {@code round} and {@code
 * variant} are required, and each of {@code rps}, {@code p50_ms}, {@code p99_ms}, {@code
 * cpu_us_per_req} and {@code others_cpu_pct} that is present becomes a column of the table. The
 * baseline of a variant {@code X-Y} is {@code X-bare} when the run has it (the bare app on the
 * same runtime: {@code resteasy-redmetrics} against {@code resteasy-bare}), otherwise {@code
 * bare} (Jersey's). Each cell is the median over the rounds with the
 * smallest and largest round in brackets; each ratio is taken within a round (the variants of a
 * round ran back to back), then summarised the same way.
 */
public final class BenchReport {

  private static final String BASELINE = "bare";

  /** The suffix of another runtime's baseline: {@code resteasy-bare}, {@code cxf-bare}. */
  private static final String BASELINE_SUFFIX = "-" + BASELINE;

  /** A column of the table: a column of the results file, shown with or without ratios. */
  private record Measure(
      String column, String title, String format, boolean ratio, boolean difference) {}

  private static final List<Measure> MEASURES =
      List.of(
          new Measure("rps", "req/s", "%.0f", true, false),
          new Measure("p50_ms", "p50 ms", "%.2f", true, false),
          new Measure("p99_ms", "p99 ms", "%.1f", true, false),
          new Measure("cpu_us_per_req", "server CPU µs/req", "%.0f", true, false),
          new Measure("alloc_b_per_req", "server alloc B/req", "%.0f", true, true),
          new Measure("others_cpu_pct", "others' CPU %", "%.0f", false, false));

  /** One measured round of one variant. */
  record Row(int round, String variant, Map<String, Double> values) {}

  private BenchReport() {}

  /**
   * Prints the table.
   *
   * @param args the path of the results file
   * @throws IOException when the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: BenchReport <results.tsv>");
      System.exit(2);
    }
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    System.out.print(table(parse(lines), List.of(lines.get(0).split("\t"))));
  }

  static List<Row> parse(List<String> lines) {
    String[] header = lines.get(0).split("\t");
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t");
      Map<String, String> byName = new HashMap<>();
      for (int i = 0; i < header.length && i < fields.length; i++) {
        byName.put(header[i], fields[i]);
      }
      Map<String, Double> values = new HashMap<>();
      for (Measure measure : MEASURES) {
        String value = byName.get(measure.column());
        if (value != null && !value.equals("-")) {
          values.put(measure.column(), Double.parseDouble(value));
        }
      }
      rows.add(new Row(Integer.parseInt(byName.get("round")), byName.get("variant"), values));
    }
    return rows;
  }

  static String table(List<Row> rows, List<String> columns) {
    Map<String, List<Row>> byVariant = new LinkedHashMap<>();
    byVariant.put(BASELINE, new ArrayList<>());
    for (Row row : rows) {
      byVariant.computeIfAbsent(row.variant(), v -> new ArrayList<>()).add(row);
    }
    Map<String, Map<Integer, Row>> rounds = new HashMap<>();
    for (Map.Entry<String, List<Row>> entry : byVariant.entrySet()) {
      Map<Integer, Row> byRound = new HashMap<>();
      for (Row row : entry.getValue()) {
        byRound.put(row.round(), row);
      }
      rounds.put(entry.getKey(), byRound);
    }
    List<Measure> shown = new ArrayList<>();
    StringBuilder title = new StringBuilder("| variant");
    StringBuilder rule = new StringBuilder("| ---");
    for (Measure measure : MEASURES) {
      if (columns.contains(measure.column())) {
        shown.add(measure);
        title.append(" | ").append(measure.title());
        rule.append(" | ---:");
        if (measure.ratio()) {
          title.append(" | vs bare");
          rule.append(" | ---:");
        }
        if (measure.difference()) {
          title.append(" | over bare");
          rule.append(" | ---:");
        }
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(title).append(" |\n").append(rule).append(" |\n");
    for (Map.Entry<String, List<Row>> entry : byVariant.entrySet()) {
      if (entry.getValue().isEmpty()) {
        continue;
      }
      out.append("| ").append(entry.getKey());
      Map<Integer, Row> baseline = rounds.get(baselineOf(entry.getKey(), byVariant.keySet()));
      for (Measure measure : shown) {
        appendMeasure(out, entry.getValue(), baseline, measure);
      }
      out.append(" |\n");
    }
    return out.toString();
  }

  /**
   * The baseline of a variant: {@code X-bare} for a variant {@code X-Y} when the run has it,
   * otherwise {@code bare}; a baseline is its own.
   */
  static String baselineOf(String variant, Collection<String> variants) {
    if (variant.equals(BASELINE) || variant.endsWith(BASELINE_SUFFIX)) {
      return variant;
    }
    int dash = variant.indexOf('-');
    if (dash > 0) {
      String sameRuntime = variant.substring(0, dash) + BASELINE_SUFFIX;
      if (variants.contains(sameRuntime)) {
        return sameRuntime;
      }
    }
    return BASELINE;
  }

  /** Appends the median of a measure with [min–max], then its ratios to the baseline. */
  private static void appendMeasure(
      StringBuilder out, List<Row> rows, Map<Integer, Row> baseline, Measure measure) {
    String column = measure.column();
    double[] values =
        rows.stream()
            .filter(row -> row.values().containsKey(column))
            .mapToDouble(row -> row.values().get(column))
            .toArray();
    out.append(" | ").append(summary(values, measure.format()));
    if (!measure.ratio()) {
      return;
    }
    String variant = rows.get(0).variant();
    if (baselineOf(variant, List.of()).equals(variant)) {
      out.append(" | 1").append(measure.difference() ? " | 0" : "");
      return;
    }
    out.append(" | ").append(summary(againstBaseline(rows, baseline, column, false), "%.2f"));
    if (measure.difference()) {
      out.append(" | ")
          .append(summary(againstBaseline(rows, baseline, column, true), "%+.0f"));
    }
  }

  /** Per round: a variant's value divided by, or minus, the baseline's of the same round. */
  private static double[] againstBaseline(
      List<Row> rows, Map<Integer, Row> baseline, String column, boolean difference) {
    return rows.stream()
        .filter(row -> row.values().containsKey(column))
        .filter(row -> baseline.containsKey(row.round()))
        .filter(row -> baseline.get(row.round()).values().containsKey(column))
        .mapToDouble(
            row -> {
              double base = baseline.get(row.round()).values().get(column);
              double value = row.values().get(column);
              return difference ? value - base : value / base;
            })
        .toArray();
  }

  /** The median, then [min–max] when there are several values; "n/a" when there are none. */
  static String summary(double[] values, String format) {
    if (values.length == 0) {
      return "n/a";
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    String median = String.format(Locale.ROOT, format, median(sorted));
    if (sorted.length == 1) {
      return median;
    }
    return median
        + String.format(
            Locale.ROOT, " [" + format + "–" + format + "]", sorted[0], sorted[sorted.length - 1]);
  }

  static double median(double[] sorted) {
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
