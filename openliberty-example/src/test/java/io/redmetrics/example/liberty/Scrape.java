package io.redmetrics.example.liberty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One scrape of {@code /api/metrics} in the Prometheus text format, parsed into samples. */
final class Scrape {

  /**
   * One sample line.
   *
   * @param name the sample's name, for example {@code http_requests_total}
   * @param labels its labels, in the order written
   * @param value its value
   * @param line the line as the server wrote it, for failure messages
   */
  record Sample(String name, Map<String, String> labels, double value, String line) {

    /** Whether every given label pair ({@code "path", "/api/x", ...}) has that value. */
    boolean has(String... labelPairs) {
      for (int i = 0; i + 1 < labelPairs.length; i += 2) {
        if (!labelPairs[i + 1].equals(labels.get(labelPairs[i]))) {
          return false;
        }
      }
      return true;
    }
  }

  private final String text;
  private final List<Sample> samples;

  private Scrape(String text, List<Sample> samples) {
    this.text = text;
    this.samples = samples;
  }

  /** Parses the Prometheus text format (version 0.0.4). */
  static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(parseLine(line));
      }
    }
    return new Scrape(text, List.copyOf(samples));
  }

  private static Sample parseLine(String line) {
    Map<String, String> labels = new LinkedHashMap<>();
    int brace = line.indexOf('{');
    int nameEnd = brace >= 0 && brace < line.indexOf(' ') ? brace : line.indexOf(' ');
    int valueStart = nameEnd + 1;
    if (nameEnd == brace) {
      int i = brace + 1;
      while (line.charAt(i) != '}') {
        int equals = line.indexOf('=', i);
        StringBuilder value = new StringBuilder();
        int j = equals + 2; // past ="
        for (; line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            char escaped = line.charAt(++j);
            value.append(escaped == 'n' ? '\n' : escaped);
          } else {
            value.append(c);
          }
        }
        labels.put(line.substring(i, equals), value.toString());
        i = line.charAt(j + 1) == ',' ? j + 2 : j + 1;
      }
      valueStart = i + 2; // past "} "
    }
    String value = line.substring(valueStart).trim().split(" ")[0];
    return new Sample(line.substring(0, nameEnd), Map.copyOf(labels), parseValue(value), line);
  }

  private static double parseValue(String value) {
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }

  /** Returns the samples named {@code name} that carry every given label pair. */
  List<Sample> samples(String name, String... labelPairs) {
    return samples.stream()
        .filter(sample -> sample.name().equals(name) && sample.has(labelPairs))
        .toList();
  }

  /** Returns the sum of the samples named {@code name} with every given label pair; 0 if none. */
  double sum(String name, String... labelPairs) {
    return samples(name, labelPairs).stream().mapToDouble(Sample::value).sum();
  }

  /** Returns the distinct values of {@code label} among the samples named {@code name}. */
  Set<String> labelValues(String name, String label) {
    return samples.stream()
        .filter(sample -> sample.name().equals(name) && sample.labels().containsKey(label))
        .map(sample -> sample.labels().get(label))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Returns every sample. */
  List<Sample> all() {
    return samples;
  }

  /** Returns the lines of the families named (RED metrics without buckets, by default). */
  String lines(String... names) {
    Set<String> wanted =
        names.length > 0
            ? Set.of(names)
            : Set.of(
                "http_requests_total",
                "http_errors_total",
                "http_request_duration_seconds_count",
                "http_request_duration_seconds_sum",
                "http_requests_active");
    return samples.stream()
        .filter(sample -> wanted.contains(sample.name()))
        .map(Sample::line)
        .collect(Collectors.joining("\n"));
  }

  /** Returns the scrape as the server wrote it. */
  String text() {
    return text;
  }
}
