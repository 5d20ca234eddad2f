package io.redmetrics.jaxrs.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A parsed scrape in the Prometheus text format: its samples, their labels and values; or the
 * difference between two scrapes of one server ({@link #since}).
 */
public final class Scrape {

  /** A scrape without samples: the baseline of a fresh registry. */
  public static final Scrape EMPTY = new Scrape("", List.of());

  /** One sample line. */
  public static final class Sample {
    public final String name;
    public final Map<String, String> labels;
    public final double value;
    /** The family of the sample, as its {@code # TYPE} line names it; its own name without one. */
    public final String family;
    /** The family's type: {@code counter}, {@code gauge}, {@code histogram}, ... or {@code untyped}. */
    public final String type;

    Sample(String name, Map<String, String> labels, double value, String family, String type) {
      this.name = name;
      this.labels = labels;
      this.value = value;
      this.family = family;
      this.type = type;
    }

    Sample minus(double baseline) {
      return new Sample(name, labels, value - baseline, family, type);
    }

    /** Whether the sample goes up and down (a gauge or an untyped sample). */
    boolean isGauge() {
      return !CUMULATIVE_TYPES.contains(type);
    }

    /** Whether every given label pair ({@code "path", "/x", ...}) is present with that value. */
    public boolean has(String... labelPairs) {
      for (int i = 0; i + 1 < labelPairs.length; i += 2) {
        if (!labelPairs[i + 1].equals(labels.get(labelPairs[i]))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return name + labels + " " + value;
    }
  }

  private static final Set<String> CUMULATIVE_TYPES =
      Set.of("counter", "histogram", "summary");

  private final String text;
  private final List<Sample> samples;

  private Scrape(String text, List<Sample> samples) {
    this.text = text;
    this.samples = samples;
  }

  /** Parses Prometheus text format 0.0.4. */
  public static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    String family = null;
    String type = "untyped";
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        family = parts[2];
        type = parts[3];
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Sample sample = parseLine(line, family, type);
      samples.add(sample);
    }
    return new Scrape(text, Collections.unmodifiableList(samples));
  }

  private static Sample parseLine(String line, String family, String type) {
    int brace = line.indexOf('{');
    int space;
    String name;
    Map<String, String> labels = new LinkedHashMap<>();
    if (brace >= 0 && brace < line.indexOf(' ')) {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String label = line.substring(i, eq);
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        while (line.charAt(j) != '"') {
          char c = line.charAt(j);
          if (c == '\\') {
            char next = line.charAt(++j);
            value.append(next == 'n' ? '\n' : next);
          } else {
            value.append(c);
          }
          j++;
        }
        labels.put(label, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      space = i + 1;
    } else {
      space = line.indexOf(' ');
      name = line.substring(0, space);
    }
    String[] rest = line.substring(space).trim().split(" ");
    boolean inFamily = family != null && name.startsWith(family);
    return new Sample(
        name,
        Collections.unmodifiableMap(labels),
        parseValue(rest[0]),
        inFamily ? family : name,
        inFamily ? type : "untyped");
  }

  private static double parseValue(String value) {
    switch (value) {
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        return Double.parseDouble(value);
    }
  }

  /**
   * What changed since {@code baseline}, an earlier scrape of the same server: what a test's own
   * requests recorded on a server that earlier tests used too. Counters and histograms become
   * their increase; a series that did not change is left out (a histogram's buckets, count and sum
   * count as one series), one that is new is kept even at 0. Gauges are always kept, as their
   * change since the baseline: the requests this test put in flight (a runtime with a documented
   * limit may leave an earlier test's request in flight forever). Against {@link #EMPTY}, this
   * scrape itself.
   */
  public Scrape since(Scrape baseline) {
    if (baseline.samples.isEmpty()) {
      return this;
    }
    Map<List<Object>, Double> before = new HashMap<>();
    for (Sample sample : baseline.samples) {
      before.put(List.of(sample.name, sample.labels), sample.value);
    }
    Set<List<Object>> changed = new HashSet<>();
    for (Sample sample : samples) {
      Double earlier = before.get(List.of(sample.name, sample.labels));
      if (earlier == null || earlier != sample.value) {
        changed.add(series(sample));
      }
    }
    List<Sample> delta = new ArrayList<>();
    StringBuilder text = new StringBuilder("# the change since the baseline scrape\n");
    for (Sample sample : samples) {
      if (sample.isGauge() || changed.contains(series(sample))) {
        Sample difference =
            sample.minus(before.getOrDefault(List.of(sample.name, sample.labels), 0.0));
        delta.add(difference);
        text.append(difference).append('\n');
      }
    }
    return new Scrape(text.toString(), Collections.unmodifiableList(delta));
  }

  /** The series of a sample: its family and labels, a histogram's {@code le} left out. */
  private static List<Object> series(Sample sample) {
    Map<String, String> labels = new HashMap<>(sample.labels);
    labels.remove("le");
    labels.remove("quantile");
    return List.of(sample.family, labels);
  }

  /** The raw text (or the change since a baseline), for failure messages. */
  public String text() {
    return text;
  }

  /** The samples named {@code name} carrying every given label pair. */
  public List<Sample> samples(String name, String... labelPairs) {
    return samples.stream()
        .filter(s -> s.name.equals(name) && s.has(labelPairs))
        .collect(Collectors.toList());
  }

  /** The sum of the samples named {@code name} carrying every given label pair; 0 when none. */
  public double sum(String name, String... labelPairs) {
    return samples(name, labelPairs).stream().mapToDouble(s -> s.value).sum();
  }

  /** The value of the one sample named {@code name} with these labels; fails unless exactly one. */
  public double value(String name, String... labelPairs) {
    List<Sample> found = samples(name, labelPairs);
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + name + " sample with " + List.of(labelPairs) + ", found " + found + " in\n" + text);
    }
    return found.get(0).value;
  }

  /** The distinct values of {@code label} among the samples named {@code name}. */
  public Set<String> labelValues(String name, String label) {
    return samples.stream()
        .filter(s -> s.name.equals(name) && s.labels.containsKey(label))
        .map(s -> s.labels.get(label))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The samples matching a predicate. */
  public List<Sample> where(Predicate<Sample> predicate) {
    return samples.stream().filter(predicate).collect(Collectors.toList());
  }
}
