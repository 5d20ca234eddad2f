package io.redmetrics.jaxrs;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.core.Configuration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The configuration of one application, resolved once at startup: builder values win over
 * configuration properties, which win over JVM system properties, which win over defaults. Every rule about what a valid value is lives
 * here; a bad value fails with an {@link IllegalArgumentException} reading
 * {@code setting: value: reason}.
 */
final class Settings {

  /** The {@code service} label when neither the builder nor a property names the service. */
  static final String DEFAULT_SERVICE = "jaxrs";

  /** The name of the label that holds the service by default. */
  static final String DEFAULT_SERVICE_LABEL = "service";

  /**
   * The default duration buckets in seconds: the OpenTelemetry HTTP server default, a superset of
   * the classic RED list. The {@code +Inf} bucket is always added. Private: arrays are mutable, so
   * each application gets its own copy.
   */
  private static final double[] DEFAULT_BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10
  };

  /** The default path of the metrics endpoint, relative to the application's base path. */
  static final String DEFAULT_METRICS_PATH = "metrics";

  /** How many scrapes of the endpoint run at once by default; more get 503. */
  static final int DEFAULT_MAX_CONCURRENT_SCRAPES = 4;

  /** The address the management server listens on by default: loopback, never the world. */
  static final String DEFAULT_MANAGEMENT_ADDRESS = "127.0.0.1";

  final PrometheusRegistry registry;
  final Naming naming;
  /** Whether the duration histogram keeps exemplars (the trace of a request in each bucket). */
  final boolean exemplars;
  final String service;
  /** The name of the label holding {@link #service}; {@code null}: the series have no such label. */
  final String serviceLabel;
  final double[] buckets;
  /** Whether the duration histogram has a native histogram beside its classic buckets. */
  final boolean nativeHistogram;
  final List<String> exclude;
  /** The metrics endpoint below the base path, without slashes at either end; empty: not served. */
  final String metricsPath;
  /** The role a caller needs to scrape the endpoint; {@code null}: anyone. */
  final String metricsRole;
  final int maxConcurrentScrapes;
  /** The port the registry is served on by a server of its own; 0: none, the endpoint serves it. */
  final int managementPort;
  final String managementAddress;

  private Settings(
      PrometheusRegistry registry,
      Naming naming,
      boolean exemplars,
      String service,
      String serviceLabel,
      double[] buckets,
      boolean nativeHistogram,
      List<String> exclude,
      String metricsPath,
      String metricsRole,
      int maxConcurrentScrapes,
      int managementPort,
      String managementAddress) {
    this.registry = registry;
    this.naming = naming;
    this.exemplars = exemplars;
    this.service = service;
    this.serviceLabel = serviceLabel.isEmpty() ? null : serviceLabel;
    this.buckets = buckets;
    this.nativeHistogram = nativeHistogram;
    this.exclude = exclude;
    this.metricsPath = metricsPath;
    this.metricsRole = metricsRole.isEmpty() ? null : metricsRole;
    this.maxConcurrentScrapes = maxConcurrentScrapes;
    this.managementPort = managementPort;
    this.managementAddress = managementAddress;
  }

  /**
   * Resolves the settings of one application, each with one lookup: the value given to the
   * builder, else the application's configuration property, else its MicroProfile Config where it
   * has one, else the JVM system property of the same name (a runtime that discovers the feature
   * may hand it no configuration: Open Liberty passes a discovered feature no {@code
   * Application#getProperties()}), else the default.
   *
   * @param chosen the values given to the builder, already parsed, by property key
   * @param registry the registry given to the builder, {@code null} for the default registry
   * @param configuration the application's configuration
   * @param microProfile the application's MicroProfile Config ({@link MicroProfileConfig})
   * @throws IllegalArgumentException naming the property when a property's value is invalid
   */
  static Settings resolve(
      Map<String, Object> chosen,
      PrometheusRegistry registry,
      Configuration configuration,
      Function<String, Object> microProfile) {
    Function<String, Object> property =
        key -> {
          Object value = configuration.getProperty(key);
          if (value == null) {
            value = microProfile.apply(key);
          }
          return value != null ? value : System.getProperty(key);
        };
    return new Settings(
        registry != null ? registry : PrometheusRegistry.defaultRegistry,
        value(RedMetricsFeature.NAMING, chosen, property, Settings::naming, Naming.DEFAULT),
        value(RedMetricsFeature.EXEMPLARS, chosen, property, Settings::bool, false),
        value(RedMetricsFeature.SERVICE, chosen, property, Settings::service, DEFAULT_SERVICE),
        value(
            RedMetricsFeature.SERVICE_LABEL,
            chosen,
            property,
            Settings::serviceLabel,
            DEFAULT_SERVICE_LABEL),
        value(RedMetricsFeature.BUCKETS, chosen, property, Settings::buckets, DEFAULT_BUCKETS)
            .clone(),
        value(RedMetricsFeature.NATIVE_HISTOGRAM, chosen, property, Settings::bool, true),
        value(RedMetricsFeature.EXCLUDE, chosen, property, Settings::exclude, List.of()),
        value(
            RedMetricsFeature.METRICS_PATH,
            chosen,
            property,
            Settings::metricsPath,
            DEFAULT_METRICS_PATH),
        value(RedMetricsFeature.METRICS_ROLE, chosen, property, Settings::metricsRole, ""),
        value(
            RedMetricsFeature.MAX_CONCURRENT_SCRAPES,
            chosen,
            property,
            Settings::maxConcurrentScrapes,
            DEFAULT_MAX_CONCURRENT_SCRAPES),
        value(RedMetricsFeature.MANAGEMENT_PORT, chosen, property, Settings::managementPort, 0),
        value(
            RedMetricsFeature.MANAGEMENT_ADDRESS,
            chosen,
            property,
            Settings::managementAddress,
            DEFAULT_MANAGEMENT_ADDRESS));
  }

  @SuppressWarnings("unchecked") // the builder stores each key's value as its parser returns it
  private static <T> T value(
      String key,
      Map<String, Object> chosen,
      Function<String, Object> property,
      Parser<T> parser,
      T fallback) {
    if (chosen.containsKey(key)) {
      return (T) chosen.get(key);
    }
    Object value = property.apply(key);
    return value == null ? fallback : parser.parse(key, value);
  }

  /** Parses one setting from a builder value or a property value. */
  @FunctionalInterface
  private interface Parser<T> {
    T parse(String setting, Object value);
  }

  static String service(String setting, Object value) {
    String service = text(setting, value).trim();
    if (service.isEmpty()) {
      throw invalid(setting, value, "must not be empty");
    }
    return service;
  }

  static Naming naming(String setting, Object value) {
    return Naming.of(setting, text(setting, value));
  }

  static String serviceLabel(String setting, Object value) {
    String label = text(setting, value).trim();
    if (label.isEmpty()) {
      return label;
    }
    boolean valid = !label.startsWith("__") && !Character.isDigit(label.charAt(0));
    for (int i = 0; i < label.length() && valid; i++) {
      char c = label.charAt(i);
      valid = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (!valid) {
      throw invalid(
          setting,
          value,
          "must be a Prometheus label name such as 'service' or 'application' (empty: no label)");
    }
    if (label.equals("method") || label.equals("path") || label.equals("status_code")) {
      throw invalid(setting, value, "must not be one of the labels method, path, status_code");
    }
    return label;
  }

  static double[] buckets(String setting, Object value) {
    double[] buckets;
    if (value instanceof double[]) {
      buckets = ((double[]) value).clone();
    } else {
      List<String> items = list(setting, value);
      buckets = new double[items.size()];
      for (int i = 0; i < buckets.length; i++) {
        try {
          buckets[i] = Double.parseDouble(items.get(i));
        } catch (NumberFormatException e) {
          throw invalid(setting, value, "'" + items.get(i) + "' is not a number");
        }
      }
    }
    if (buckets.length == 0) {
      throw invalid(setting, Arrays.toString(buckets), "must name at least one bucket");
    }
    for (int i = 0; i < buckets.length; i++) {
      if (!Double.isFinite(buckets[i]) || buckets[i] <= 0) {
        throw invalid(
            setting,
            Arrays.toString(buckets),
            "must be positive and finite (the +Inf bucket is always added)");
      }
      if (i > 0 && buckets[i] <= buckets[i - 1]) {
        throw invalid(setting, Arrays.toString(buckets), "must be strictly increasing");
      }
    }
    return buckets;
  }

  static List<String> exclude(String setting, Object value) {
    List<String> templates = new ArrayList<>();
    for (String item : list(setting, value)) {
      String template = item.trim();
      boolean prefix = template.endsWith("/*");
      String body = prefix ? template.substring(0, template.length() - 2) : template;
      if (template.equals(RouteTemplate.UNMATCHED)) {
        templates.add(template);
      } else if (!template.startsWith("/") || body.contains("*")) {
        throw invalid(
            setting,
            value,
            "'"
                + item
                + "' must be a path template starting with '/', optionally ending in '/*',"
                + " or "
                + RouteTemplate.UNMATCHED);
      } else {
        String normalised = RouteTemplate.join(body);
        templates.add(prefix ? (normalised.equals("/") ? "/*" : normalised + "/*") : normalised);
      }
    }
    return Collections.unmodifiableList(templates);
  }

  static String metricsPath(String setting, Object value) {
    String path = text(setting, value).trim();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '{' || c == '}' || c == '?' || c == '#' || c == '*' || Character.isWhitespace(c)) {
        throw invalid(setting, value, "must be a plain path such as 'metrics' (empty: not served)");
      }
    }
    String normalised = RouteTemplate.join(path);
    return normalised.equals("/") ? "" : normalised.substring(1);
  }

  static String metricsRole(String setting, Object value) {
    String role = text(setting, value).trim();
    for (int i = 0; i < role.length(); i++) {
      if (Character.isWhitespace(role.charAt(i))) {
        throw invalid(setting, value, "must be one role name (empty: anyone may scrape)");
      }
    }
    return role;
  }

  /** A switch: a {@code Boolean}, or the text {@code true} or {@code false} in any case. */
  static boolean bool(String setting, Object value) {
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    String text = text(setting, value).trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw invalid(setting, value, "must be true or false");
  }

  static int maxConcurrentScrapes(String setting, Object value) {
    int max = whole(setting, value);
    if (max < 1) {
      throw invalid(setting, value, "must be at least 1");
    }
    return max;
  }

  static int managementPort(String setting, Object value) {
    if (value instanceof String && ((String) value).trim().isEmpty()) {
      return 0;
    }
    int port = whole(setting, value);
    if (port < 1 || port > 65535) {
      throw invalid(setting, value, "must be a port from 1 to 65535 (empty: no management port)");
    }
    return port;
  }

  static String managementAddress(String setting, Object value) {
    String address = text(setting, value).trim();
    if (address.isEmpty() || address.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(setting, value, "must be a host name or IP address such as 127.0.0.1");
    }
    return address;
  }

  private static int whole(String setting, Object value) {
    if (value instanceof Integer) {
      return (Integer) value;
    }
    try {
      return Integer.parseInt(text(setting, value).trim());
    } catch (NumberFormatException e) {
      throw invalid(setting, value, "must be a whole number");
    }
  }

  private static String text(String setting, Object value) {
    if (!(value instanceof String)) {
      throw invalid(setting, value, "must be a string");
    }
    return (String) value;
  }

  /** A comma-separated string, a string array or a collection of strings or numbers. */
  private static List<String> list(String setting, Object value) {
    List<String> items = new ArrayList<>();
    if (value instanceof String) {
      if (((String) value).trim().isEmpty()) {
        return items;
      }
      for (String item : ((String) value).split(",", -1)) {
        items.add(item.trim());
      }
    } else if (value instanceof Object[] || value instanceof Collection) {
      Collection<?> all =
          value instanceof Object[] ? Arrays.asList((Object[]) value) : (Collection<?>) value;
      for (Object item : all) {
        if (!(item instanceof String || item instanceof Number)) {
          throw invalid(setting, value, "must hold only strings or numbers");
        }
        items.add(item.toString().trim());
      }
    } else {
      throw invalid(setting, value, "must be a comma-separated string or a list");
    }
    return items;
  }

  static IllegalArgumentException invalid(String setting, Object value, String reason) {
    String shown = value instanceof Object[] ? Arrays.toString((Object[]) value) : "" + value;
    return new IllegalArgumentException(setting + ": " + shown + ": " + reason);
  }
}
