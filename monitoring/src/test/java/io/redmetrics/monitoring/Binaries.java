package io.redmetrics.monitoring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds {@code prometheus} and {@code promtool} (Debian's {@code prometheus} package) on the {@code
 * PATH}. Where neither {@code CI} nor {@code REDMETRICS_REQUIRE_PROMTOOL} is set, a missing binary
 * skips the test; where one is ({@code .ci/run} sets both ways), it fails it.
 */
final class Binaries {

  private Binaries() {}

  /**
   * Returns the binary, or ends the test: skipped, or failed where it is required.
   *
   * @param name {@code prometheus} or {@code promtool}
   * @return its path
   */
  static Path require(String name) {
    Optional<Path> found = find(name);
    if (found.isEmpty() && required()) {
      throw new AssertionError(
          name
              + " is required (CI or REDMETRICS_REQUIRE_PROMTOOL is set) but not on PATH:"
              + " apt-get install prometheus");
    }
    assumeTrue(found.isPresent(), name + " is not on PATH (apt-get install prometheus)");
    return found.get();
  }

  private static boolean required() {
    return isSet("CI") || isSet("REDMETRICS_REQUIRE_PROMTOOL");
  }

  private static boolean isSet(String variable) {
    String value = System.getenv(variable);
    return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
  }

  private static Optional<Path> find(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
