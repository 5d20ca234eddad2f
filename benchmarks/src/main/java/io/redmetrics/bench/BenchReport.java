package io.redmetrics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Prints the Markdown table of a run from the results file that run.sh writes.
 *
 * <p>Input: a tab-separated file with a header line and the columns {@code round variant rps
 * p50_ms p99_ms requests recorded others_cpu_pct} (the last three optional); the baseline is the
 * variant named {@code bare}. Each ratio is taken within a
 * round (the variants of a round ran back to back), then the median over the rounds is shown with
 * the smallest and largest round in brackets.
 */
public final class BenchReport {

  private static final String BASELINE = "bare";

  /** One measured round of one variant. */
  record Row(int round, String variant, double rps, double p50, double p99, double others) {}

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
    System.out.print(table(parse(Files.readAllLines(Path.of(args[0])))));
  }

  static List<Row> parse(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      rows.add(
          new Row(
              Integer.parseInt(f[0]),
              f[1],
              Double.parseDouble(f[2]),
              Double.parseDouble(f[3]),
              Double.parseDouble(f[4]),
              f.length > 7 ? Double.parseDouble(f[7]) : Double.NaN));
    }
    return rows;
  }

  static String table(List<Row> rows) {
    Map<String, List<Row>> byVariant = new LinkedHashMap<>();
    byVariant.put(BASELINE, new ArrayList<>());
    for (Row row : rows) {
      byVariant.computeIfAbsent(row.variant(), v -> new ArrayList<>()).add(row);
    }
    Map<Integer, Row> baseline = new LinkedHashMap<>();
    for (Row row : byVariant.get(BASELINE)) {
      baseline.put(row.round(), row);
    }
    StringBuilder out = new StringBuilder();
    out.append("| variant | req/s | req/s vs bare | p50 ms | p50 vs bare | p99 ms | p99 vs bare");
    out.append(" | others' CPU % |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Map.Entry<String, List<Row>> entry : byVariant.entrySet()) {
      List<Row> own = entry.getValue();
      if (own.isEmpty()) {
        continue;
      }
      out.append("| ").append(entry.getKey());
      appendMeasure(out, own, baseline, Row::rps, "%.0f");
      appendMeasure(out, own, baseline, Row::p50, "%.2f");
      appendMeasure(out, own, baseline, Row::p99, "%.2f");
      double[] others = own.stream().mapToDouble(Row::others).sorted().toArray();
      out.append(" | ").append(Double.isNaN(others[0]) ? "n/a" : summary(others, "%.0f"));
      out.append(" |\n");
    }
    return out.toString();
  }

  /** Appends the median of a measure with [min–max], then its ratios to the baseline. */
  private static void appendMeasure(
      StringBuilder out,
      List<Row> rows,
      Map<Integer, Row> baseline,
      ToDoubleFunction<Row> measure,
      String format) {
    double[] values = rows.stream().mapToDouble(measure).sorted().toArray();
    out.append(" | ").append(summary(values, format));
    boolean isBaseline = rows.get(0).variant().equals(BASELINE);
    out.append(" | ").append(isBaseline ? "1" : ratios(rows, baseline, measure));
  }

  /** The median of the per-round ratios to the baseline, with [min–max]. */
  private static String ratios(
      List<Row> rows, Map<Integer, Row> baseline, ToDoubleFunction<Row> measure) {
    double[] values =
        rows.stream()
            .filter(row -> baseline.containsKey(row.round()))
            .mapToDouble(
                row -> measure.applyAsDouble(row) / measure.applyAsDouble(baseline.get(row.round())))
            .sorted()
            .toArray();
    return values.length == 0 ? "n/a" : summary(values, "%.2f");
  }

  private static String summary(double[] sorted, String format) {
    String median = String.format(Locale.ROOT, format, median(sorted));
    if (sorted.length == 1) {
      return median;
    }
    return median
        + String.format(
            Locale.ROOT, " [" + format + "–" + format + "]", sorted[0], sorted[sorted.length - 1]);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
