package io.redmetrics.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server, a child process on a free loopback port with its data in a directory of
 * its own, and a client for its HTTP API. {@link #close()} stops it in every case.
 */
final class Prometheus implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration READY = Duration.ofSeconds(30);

  /** Tries with another port when the one found free was taken before Prometheus bound it. */
  private static final int ATTEMPTS = 3;

  private final Process process;
  private final URI base;
  private final Path log;

  /** Stops the process should the JVM end before {@link #close()}, say when a build is stopped. */
  private final Thread hook;

  private Prometheus(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
    this.hook = new Thread(process::destroyForcibly, "stop-prometheus");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts Prometheus with the configuration given and waits until it is ready.
   *
   * @param binary the {@code prometheus} binary
   * @param dir a directory of its own, for the configuration, the data and the log
   * @param config the configuration, YAML
   * @param flags further command-line flags, {@code --enable-feature=native-histograms} say
   * @return the running server
   * @throws Exception when it does not start
   */
  static Prometheus start(Path binary, Path dir, String config, String... flags) throws Exception {
    Files.createDirectories(dir);
    Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config);
    for (int attempt = 1; ; attempt++) {
      int port = freeLoopbackPort();
      List<String> command = new ArrayList<>();
      command.add(binary.toString());
      command.add("--config.file=" + configFile);
      command.add("--storage.tsdb.path=" + dir.resolve("data-" + attempt));
      command.add("--web.listen-address=127.0.0.1:" + port);
      command.addAll(List.of(flags));
      Path log = dir.resolve("prometheus-" + attempt + ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Prometheus prometheus =
          new Prometheus(process, URI.create("http://127.0.0.1:" + port + "/"), log);
      try {
        prometheus.awaitReady(dir.resolve("data-" + attempt));
        return prometheus;
      } catch (IllegalStateException exited) {
        prometheus.close();
        if (attempt == ATTEMPTS) {
          throw exited;
        }
      } catch (Exception | AssertionError e) {
        prometheus.close();
        throw e;
      }
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady(Path data) throws Exception {
    long deadline = System.nanoTime() + READY.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "prometheus exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        HttpResponse<String> ready = send(base.resolve("-/ready"));
        if (ready.statusCode() == 200) {
          // Another process may have taken the port in between: make sure the answer is ours.
          String ours = api("api/v1/status/flags").path("storage.tsdb.path").asText();
          if (!ours.equals(data.toString())) {
            throw new IllegalStateException("port " + base.getPort() + " is another Prometheus'");
          }
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "prometheus not ready within " + READY.toSeconds() + " s:\n" + log());
      }
      Thread.sleep(100);
    }
  }

  /**
   * Runs an instant query.
   *
   * @param promql the query
   * @return the {@code data.result} array of the answer
   * @throws Exception when the request fails; AssertionError when Prometheus rejects the query
   */
  JsonNode query(String promql) throws Exception {
    return api("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), promql)
        .path("result");
  }

  /**
   * Calls an endpoint of the HTTP API.
   *
   * @param pathAndQuery below the server's root, {@code api/v1/rules} say
   * @return the {@code data} of the answer
   * @throws Exception when the request fails; AssertionError when Prometheus says it failed
   */
  JsonNode api(String pathAndQuery) throws Exception {
    return api(pathAndQuery, pathAndQuery);
  }

  private JsonNode api(String pathAndQuery, String what) throws Exception {
    HttpResponse<String> response = send(base.resolve(pathAndQuery));
    JsonNode answer = JSON.readTree(response.body());
    if (response.statusCode() != 200 || !"success".equals(answer.path("status").asText())) {
      throw new AssertionError(
          "Prometheus answered " + response.statusCode() + " to " + what + ": " + answer);
    }
    return answer.path("data");
  }

  private static HttpResponse<String> send(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Returns what Prometheus logged so far.
   *
   * @return the log, or why it cannot be read
   */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops Prometheus: politely, then forcibly; returns once the process is gone. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs.
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
