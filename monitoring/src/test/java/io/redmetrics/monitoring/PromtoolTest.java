package io.redmetrics.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * promtool accepts the shipped configuration and rules, and the rules' unit tests ({@code
 * red-rules.test.yml}: each alert firing and not firing) pass.
 */
class PromtoolTest {

  @Test
  void the_shipped_prometheus_yml_and_the_rules_it_loads_pass_promtool_check_config()
      throws Exception {
    String out = promtool("check", "config", Kit.prometheusConfig().toString());
    assertTrue(out.contains("SUCCESS: 1 rule files found"), out);
  }

  @Test
  void red_rules_yml_passes_promtool_check_rules() throws Exception {
    String out = promtool("check", "rules", Kit.rules().toString());
    assertTrue(out.contains("SUCCESS"), out);
  }

  @Test
  void every_alert_fires_and_stays_quiet_as_red_rules_test_yml_expects() throws Exception {
    String out = promtool("test", "rules", Kit.rulesTests().toString());
    assertTrue(out.contains("SUCCESS"), out);
  }

  /** Runs promtool in the kit's folder; fails with its output unless it exits with 0. */
  private static String promtool(String... arguments) throws Exception {
    Path promtool = Binaries.require("promtool");
    List<String> command = new ArrayList<>();
    command.add(promtool.toString());
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile("promtool", ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(Kit.dir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      boolean finished = process.waitFor(60, TimeUnit.SECONDS);
      String out = Files.readString(output);
      assertTrue(finished, "promtool did not finish within 60 s:\n" + out);
      assertEquals(0, process.exitValue(), String.join(" ", arguments) + ":\n" + out);
      return out;
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }
}
