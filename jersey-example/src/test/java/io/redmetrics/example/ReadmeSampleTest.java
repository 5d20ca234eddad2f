package io.redmetrics.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.junit.jupiter.api.Test;

/**
 * The scrapes this module's README and the project's show are real ones: the test sends this
 * README's own {@code curl} commands to the example, scrapes, and finds every line of both
 * samples in what this run recorded (durations vary, so a {@code _sum} line only has to be there). Edit the
 * README's commands or sample, and this test says when they stop agreeing.
 */
class ReadmeSampleTest {

  private static final Path README = Path.of("README.md");
  /** The project's README, whose excerpt comes from the same requests. */
  private static final Path PROJECT_README = Path.of("..", "README.md");
  /** The address the README's commands use. */
  private static final String README_BASE = "http://127.0.0.1:8080/";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void every_line_of_the_readme_sample_is_in_a_real_scrape() throws Exception {
    String readme = Files.readString(README);
    List<String> commands = block(readme, "## Try it", "```sh");
    List<String> sample = new ArrayList<>(block(readme, "a scrape held", "```text"));
    assertFalse(commands.isEmpty(), "no curl commands under '## Try it'");
    assertFalse(sample.isEmpty(), "no sample after 'a scrape held'");
    sample.addAll(block(Files.readString(PROJECT_README), "A scrape of the example", "```text"));

    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:0/"), new ShopApplication());
    try {
      URI base =
          URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort() + "/");
      // The default registry may hold other tests' requests: compare what this run added.
      Map<String, String> before = series(scrape(base));
      for (String command : commands) {
        send(command, base);
      }
      Map<String, String> after = series(scrape(base));

      for (String line : sample) {
        int space = line.lastIndexOf(' ');
        String key = line.substring(0, space);
        String shown = line.substring(space + 1);
        String written = after.get(key);
        assertNotNull(written, "README line not in the scrape: " + line);
        // Written as the client writes it: counters and gauges 1.0, histogram counts 1.
        assertEquals(written.contains("."), shown.contains("."), line + ": written " + written);
        double now = Double.parseDouble(written);
        double added = now - Double.parseDouble(before.getOrDefault(key, "0"));
        if (key.startsWith("http_request_duration_seconds_sum")) {
          assertTrue(added > 0, line + ": nothing recorded");
        } else if (key.startsWith("http_requests_active")) {
          assertEquals(Double.parseDouble(shown), now, line);
        } else {
          assertEquals(Double.parseDouble(shown), added, line + ": this run recorded " + added);
        }
      }
    } finally {
      server.shutdownNow();
    }
  }

  /** The lines of the first fenced block that opens with {@code fence} after {@code heading}. */
  private static List<String> block(String text, String heading, String fence) {
    int at = text.indexOf(heading);
    assertTrue(at >= 0, "README has no '" + heading + "'");
    int start = text.indexOf(fence + "\n", at);
    int end = text.indexOf("\n```", start + fence.length());
    List<String> lines = new ArrayList<>();
    for (String line : text.substring(start + fence.length() + 1, end + 1).split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  /** Sends one README command: {@code curl [-d 'form'] URL}, the URL optionally quoted. */
  private static void send(String command, URI base) throws IOException, InterruptedException {
    List<String> words = words(command);
    assertEquals("curl", words.get(0), command);
    String url = words.get(words.size() - 1);
    assertTrue(url.startsWith(README_BASE), command);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(url.substring(README_BASE.length())))
            .timeout(Duration.ofSeconds(30));
    int data = words.indexOf("-d");
    if (data >= 0) {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(words.get(data + 1)));
    } else {
      assertEquals(2, words.size(), "only curl URL or curl -d FORM URL: " + command);
    }
    CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding());
  }

  /** Splits a shell command into words, single quotes grouping. */
  private static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (char c : command.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static String scrape(URI base) throws IOException, InterruptedException {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(base.resolve("metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  /** Each sample of a text-format scrape, by name and labels: its value as written. */
  private static Map<String, String> series(String scrape) {
    Map<String, String> series = new HashMap<>();
    for (String line : scrape.split("\n")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        series.put(line.substring(0, space), line.substring(space + 1));
      }
    }
    return series;
  }
}
