package io.redmetrics.jaxrs.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.redmetrics.jaxrs.support.ShopTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scrape passes {@code promtool check metrics} with no findings. Skipped where promtool is not
 * installed; {@code .ci/run} installs it, and sets {@code REDMETRICS_REQUIRE_PROMTOOL} so that CI
 * cannot skip it.
 */
class PromtoolCheckTest extends ShopTest {

  @Test
  void the_scrape_passes_promtool_check_metrics() throws Exception {
    boolean required = System.getenv("REDMETRICS_REQUIRE_PROMTOOL") != null;
    boolean installed = isInstalled();
    if (required && !installed) {
      throw new AssertionError("promtool is required (REDMETRICS_REQUIRE_PROMTOOL) but not on PATH");
    }
    assumeTrue(installed, "promtool is not installed");
    http.status("products/1");
    http.status("orders/1/lines/2");
    http.status("failures/mapped");
    http.status("failures/unmapped");
    http.status("nowhere");
    http.send("BREW", "products");

    byte[] scrape = http.get("metrics").body();
    Process promtool =
        new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    promtool.getOutputStream().write(scrape);
    promtool.getOutputStream().close();
    String findings = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, promtool.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
    assertEquals("", findings.trim(), "promtool findings");
    assertEquals(0, promtool.exitValue());
  }

  private static boolean isInstalled() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "promtool"))) {
        return true;
      }
    }
    return false;
  }
}
