package io.redmetrics.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queries of a Grafana dashboard: of its panels (rows' panels included), its annotations and
 * its query variables, and the substitution of its variables the way Grafana does it.
 */
final class Dashboard {

  /** A query of a panel. */
  record PanelQuery(String panel, String expr) {}

  /** {@code $name} or {@code ${name}}; {@code ${1}} (a label_replace group) is no variable. */
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_]\\w*)}|\\$([A-Za-z_]\\w*)");

  private final JsonNode root;

  private Dashboard(JsonNode root) {
    this.root = root;
  }

  /**
   * Reads a dashboard.
   *
   * @param file its JSON
   * @return the dashboard
   * @throws IOException when it cannot be read or parsed
   */
  static Dashboard read(Path file) throws IOException {
    return new Dashboard(new ObjectMapper().readTree(file.toFile()));
  }

  /** Every {@code expr} of every panel, rows' collapsed panels included. */
  List<PanelQuery> panelQueries() {
    List<PanelQuery> queries = new ArrayList<>();
    collect(root.path("panels"), queries);
    return queries;
  }

  private static void collect(JsonNode panels, List<PanelQuery> into) {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        if (target.hasNonNull("expr")) {
          into.add(new PanelQuery(panel.path("title").asText(), target.get("expr").asText()));
        }
      }
      collect(panel.path("panels"), into);
    }
  }

  /** The {@code expr} of every annotation that queries Prometheus. */
  List<String> annotationQueries() {
    List<String> queries = new ArrayList<>();
    for (JsonNode annotation : root.path("annotations").path("list")) {
      if (annotation.hasNonNull("expr")) {
        queries.add(annotation.get("expr").asText());
      }
    }
    return queries;
  }

  /** The query of every variable of type {@code query}, as {@code label_values(...)}. */
  Map<String, String> variableQueries() {
    Map<String, String> queries = new LinkedHashMap<>();
    for (JsonNode variable : root.path("templating").path("list")) {
      if ("query".equals(variable.path("type").asText())) {
        JsonNode query = variable.path("query");
        queries.put(
            variable.path("name").asText(),
            query.isObject() ? query.path("query").asText() : query.asText());
      }
    }
    return queries;
  }

  /** The values of the options of a custom variable, by their text. */
  Map<String, String> customOptions(String name) {
    Map<String, String> options = new LinkedHashMap<>();
    for (JsonNode variable : root.path("templating").path("list")) {
      if (name.equals(variable.path("name").asText())) {
        for (JsonNode option : variable.path("options")) {
          options.put(option.path("text").asText(), option.path("value").asText());
        }
      }
    }
    return options;
  }

  /**
   * Replaces the variables named in {@code values}; any other variable is left, as Grafana leaves a
   * variable it does not know.
   *
   * @param expr a query of the dashboard
   * @param values the value of each variable, without the {@code $}
   * @return the query Grafana would send
   */
  static String substitute(String expr, Map<String, String> values) {
    Matcher matcher = VARIABLE.matcher(expr);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      String value = values.getOrDefault(name, matcher.group());
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return matcher.appendTail(out).toString();
  }

  /**
   * Tells whether a query still holds a variable.
   *
   * @param expr a query, after {@link #substitute}
   * @return the first variable left, or {@code null}
   */
  static String variableLeft(String expr) {
    Matcher matcher = VARIABLE.matcher(expr);
    return matcher.find() ? matcher.group() : null;
  }
}
