package io.redmetrics.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files of the monitoring kit, in the module's folder ({@code monitoring/}). */
final class Kit {

  private Kit() {}

  /** The folder: the system property Maven sets, else the working directory. */
  static Path dir() {
    Path dir = Path.of(System.getProperty("redmetrics.monitoring.dir", ".")).toAbsolutePath();
    if (!Files.isRegularFile(dir.resolve("red-rules.yml"))) {
      throw new IllegalStateException("no red-rules.yml in " + dir);
    }
    return dir;
  }

  static Path prometheusConfig() {
    return dir().resolve("prometheus.yml");
  }

  static Path rules() {
    return dir().resolve("red-rules.yml");
  }

  static Path rulesTests() {
    return dir().resolve("red-rules.test.yml");
  }

  static Path dashboard() {
    return dir().resolve("red-dashboard.json");
  }
}
