package io.redmetrics.jaxrs.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one scrape's text against the Prometheus text format 0.0.4 or OpenMetrics 1.0, as far as
 * a line-by-line reading can, and against what any scrape must show however it interleaves with
 * requests: every line well-formed, each family declared once and its samples together, no
 * series twice, histogram buckets cumulative with {@code +Inf} equal to {@code _count}, counters
 * and the in-flight gauge never negative. {@link Scrape#parse} reads the values; this reads the
 * shape.
 */
final class ScrapeFormat {

  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
  private static final String VALUE = "[-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf|NaN)";
  private static final Pattern SAMPLE =
      Pattern.compile(NAME + "(?:\\{" + LABEL + "(?:," + LABEL + ")*,?\\})? " + VALUE + "(?: -?[0-9.]+)?");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE " + NAME + " (?:counter|gauge|histogram|gaugehistogram|summary|info|stateset|unknown|untyped)");
  private static final Pattern HELP = Pattern.compile("# HELP " + NAME + "(?: .*)?");
  private static final Pattern UNIT = Pattern.compile("# UNIT " + NAME + " [a-zA-Z0-9_]*");

  private ScrapeFormat() {}

  /** What is wrong with {@code text}; empty when nothing is. */
  static List<String> problems(String text, boolean openMetrics) {
    List<String> problems = new ArrayList<>();
    lines(text, openMetrics, problems);
    Scrape scrape;
    try {
      scrape = Scrape.parse(text);
    } catch (RuntimeException e) {
      problems.add("the parser failed: " + e);
      return problems;
    }
    values(scrape, problems);
    histograms(scrape, problems);
    return problems;
  }

  private static void lines(String text, boolean openMetrics, List<String> problems) {
    if (!text.isEmpty() && !text.endsWith("\n")) { // an empty registry scrapes as nothing
      problems.add("the text does not end with a newline");
    }
    String[] lines = text.split("\n", -1);
    int last = lines.length - 1; // the empty string after the final newline
    Set<String> declared = new HashSet<>();
    Set<String> seenSeries = new HashSet<>();
    String family = null;
    for (int i = 0; i < last; i++) {
      String line = lines[i];
      if (line.equals("# EOF")) {
        if (!openMetrics || i != last - 1) {
          problems.add("line " + (i + 1) + ": # EOF " + (openMetrics ? "before the end" : "in the text format"));
        }
      } else if (line.startsWith("# TYPE ")) {
        if (!TYPE.matcher(line).matches()) {
          problems.add("line " + (i + 1) + ": malformed: " + line);
        }
        family = line.split(" ")[2];
        if (!declared.add(family)) {
          problems.add("line " + (i + 1) + ": family declared twice: " + line);
        }
      } else if (line.startsWith("#")) {
        if (!(HELP.matcher(line).matches() || (openMetrics && UNIT.matcher(line).matches()))) {
          problems.add("line " + (i + 1) + ": malformed: " + line);
        }
      } else if (!SAMPLE.matcher(line).matches()) {
        problems.add("line " + (i + 1) + ": malformed: " + line);
      } else {
        String series = line.substring(0, line.lastIndexOf(' '));
        if (family == null || !series.startsWith(family)) {
          problems.add("line " + (i + 1) + ": outside its family's block: " + line);
        }
        if (!seenSeries.add(series)) {
          problems.add("line " + (i + 1) + ": series twice: " + line);
        }
      }
    }
    if (openMetrics && (last < 1 || !lines[last - 1].equals("# EOF"))) {
      problems.add("the OpenMetrics text does not end with # EOF");
    }
  }

  private static void values(Scrape scrape, List<String> problems) {
    for (Scrape.Sample sample : scrape.where(s -> true)) {
      if (sample.type.equals("untyped")) {
        problems.add("no # TYPE for " + sample);
      }
      boolean mayBeNegative = sample.type.equals("gauge") && !sample.family.equals("http_requests_active");
      if (Double.isNaN(sample.value) || (!mayBeNegative && sample.value < 0)) {
        problems.add("impossible value: " + sample);
      }
    }
  }

  /** Per histogram series: bucket bounds increasing, counts cumulative, {@code +Inf} = count. */
  private static void histograms(Scrape scrape, List<String> problems) {
    Map<Map<String, String>, double[]> previous = new HashMap<>(); // {le, count} of the last bucket
    Map<Map<String, String>, Double> infinite = new HashMap<>();
    for (Scrape.Sample bucket : scrape.where(s -> s.type.equals("histogram") && s.name.endsWith("_bucket"))) {
      Map<String, String> series = new HashMap<>(bucket.labels);
      series.put("__family__", bucket.family);
      double le = Double.parseDouble(series.remove("le").replace("+Inf", "Infinity"));
      double[] before = previous.get(series);
      if (before != null && (le <= before[0] || bucket.value < before[1])) {
        problems.add("histogram buckets not increasing and cumulative at " + bucket);
      }
      previous.put(series, new double[] {le, bucket.value});
      if (le == Double.POSITIVE_INFINITY) {
        infinite.put(series, bucket.value);
      }
    }
    for (Scrape.Sample count : scrape.where(s -> s.type.equals("histogram") && s.name.endsWith("_count"))) {
      Map<String, String> series = new HashMap<>(count.labels);
      series.put("__family__", count.family);
      Double inf = infinite.get(series);
      if (inf == null || inf != count.value) {
        problems.add("histogram +Inf bucket " + inf + " differs from " + count);
      }
    }
  }
}
