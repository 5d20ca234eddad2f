package io.redmetrics.jaxrs.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A parsed scrape in the Prometheus text format: its samples, their labels and values. */
public final class Scrape {

  /** One sample line. */
  public static final class Sample {
    public final String name;
    public final Map<String, String> labels;
    public final double value;

    Sample(String name, Map<String, String> labels, double value) {
      this.name = name;
      this.labels = labels;
      this.value = value;
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

  private final String text;
  private final List<Sample> samples;

  private Scrape(String text, List<Sample> samples) {
    this.text = text;
    this.samples = samples;
  }

  /** Parses Prometheus text format 0.0.4. */
  public static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      samples.add(parseLine(line));
    }
    return new Scrape(text, Collections.unmodifiableList(samples));
  }

  private static Sample parseLine(String line) {
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
    return new Sample(name, Collections.unmodifiableMap(labels), parseValue(rest[0]));
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

  /** The raw text, for failure messages. */
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
