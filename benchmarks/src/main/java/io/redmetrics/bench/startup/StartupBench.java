package io.redmetrics.bench.startup;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The startup benchmark: starts the generated application ({@link StartupApplication}) in a fresh
 * JVM per measurement ({@link StartupServer}) and times, from the moment the JVM is launched, the
 * server listening, the first request to a route answered and then the first {@code /metrics}
 * answered, and the server's CPU time at both; then reads the heap in use after a full GC. Each round measures every runtime, size
 * and variant once, {@code bare} and {@code redmetrics} of one runtime and size back to back
 * (which first alternates by round), the pairs in an order rotated every round. Writes one line
 * per measurement to {@code results.tsv}; {@link StartupReport} makes the table.
 *
 * <p>Usage: {@code StartupBench <output dir>}, with the system properties {@code rounds}, {@code
 * runtimes} ({@code jersey resteasy cxf}), {@code sizes} (resource methods, multiples of 10 up to
 * 1000), {@code jvmOpts} (the server's flags) and {@code cp.<runtime>} (each runtime's class
 * path). Exits 1 when a check failed: a status other than expected, fewer routes in {@code
 * http_route_info} than resource methods, a server that did not start.
 */
public final class StartupBench {

  private static final String[] VARIANTS = {"bare", "redmetrics"};

  /** A route of the first generated class, which every size has: {@code GET /r000/{id}}. */
  private static final String FIRST_ROUTE = "/r000/42";

  private static final String ROUTE_INFO = "http_route_info{";

  private static final long START_TIMEOUT_SECONDS = 180;

  private StartupBench() {}

  /**
   * Runs the rounds.
   *
   * @param args the output directory
   * @throws Exception when the output cannot be written
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int rounds = Integer.getInteger("rounds", 10);
    List<String> runtimes = words(System.getProperty("runtimes", "jersey resteasy cxf"));
    List<Integer> sizes = new ArrayList<>();
    for (String size : words(System.getProperty("sizes", "100 1000"))) {
      sizes.add(Integer.parseInt(size));
    }
    List<String> jvmOpts = words(System.getProperty("jvmOpts", "-Xms512m -Xmx512m -XX:+UseG1GC"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.createDirectories(out);
    Path results = out.resolve("results.tsv");

    List<String[]> pairs = new ArrayList<>();
    for (String runtime : runtimes) {
      for (int size : sizes) {
        pairs.add(new String[] {runtime, Integer.toString(size)});
      }
    }
    warmUpClient();
    int failures = 0;
    try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(results, StandardCharsets.UTF_8))) {
      tsv.println(String.join("\t", Measurement.COLUMNS));
      for (int round = 1; round <= rounds; round++) {
        for (int i = 0; i < pairs.size(); i++) {
          String[] pair = pairs.get((i + round - 1) % pairs.size());
          for (int v = 0; v < VARIANTS.length; v++) {
            String variant = VARIANTS[(v + round - 1) % VARIANTS.length];
            String runtime = pair[0];
            int methods = Integer.parseInt(pair[1]);
            String cp = System.getProperty("cp." + runtime);
            if (cp == null) {
              throw new IllegalArgumentException("no class path for " + runtime + " (cp." + runtime + ")");
            }
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOpts);
            command.addAll(List.of("-cp", cp, StartupServer.class.getName(), runtime, variant,
                Integer.toString(methods), Integer.toString(freePort())));
            Path log = out.resolve(String.format(Locale.ROOT, "server-%s-%d-%s-r%d.log",
                runtime, methods, variant, round));
            Measurement m = measure(command, log, round, runtime, methods, variant);
            tsv.println(m.tsv());
            tsv.flush();
            System.out.println(m.line());
            if (m.failure != null) {
              failures++;
            }
          }
        }
      }
    }
    System.out.println();
    StartupReport.print(results, System.out);
    if (failures > 0) {
      System.err.println("startup: " + failures + " measurement(s) FAILED, see above");
      System.exit(1);
    }
  }

  /** One start of the server: launched, listening, first request, first scrape, heap. */
  private static Measurement measure(
      List<String> command, Path log, int round, String runtime, int methods, String variant)
      throws IOException, InterruptedException {
    Measurement m = new Measurement(round, runtime, methods, variant);
    int port = Integer.parseInt(command.get(command.size() - 1));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    long launched = System.nanoTime();
    Process server = builder.start();
    Thread watchdog = new Thread(() -> {
      try {
        if (!server.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "startup-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try (BufferedReader stdout = new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
        Writer stdin = new PrintWriter(server.getOutputStream(), true, StandardCharsets.US_ASCII)) {
      String ready = readLine(stdout, "READY ");
      m.readyMs = ms(launched);
      if (ready == null) {
        return m.failed("no READY line: the server did not start, see " + log);
      }
      m.server(ready);
      Response first = get(port, FIRST_ROUTE);
      m.firstMs = ms(launched);
      m.cpuFirstMs = cpuMs(server);
      if (first.status != 200) {
        return m.failed("GET " + FIRST_ROUTE + ": " + first.status);
      }
      long scrapeStart = System.nanoTime();
      Response scrape = get(port, "/metrics");
      m.scrapeMs = ms(launched);
      m.scrapeOnlyMs = ms(scrapeStart);
      m.cpuScrapeMs = cpuMs(server);
      m.threadCpu(threadCpuMs(server.pid()));
      m.routesListed = count(scrape.body, ROUTE_INFO);
      if (variant.equals("bare") && scrape.status != 404) {
        return m.failed("bare GET /metrics: " + scrape.status + ", want 404");
      }
      if (variant.equals("redmetrics")
          && (scrape.status != 200 || m.routesListed != methods || m.binderCalls < methods)) {
        return m.failed("GET /metrics: " + scrape.status + ", " + m.routesListed
            + " routes listed and " + m.binderCalls + " binder calls, want " + methods);
      }
      stdin.write("heap\n");
      stdin.flush();
      String heap = readLine(stdout, "HEAP ");
      if (heap == null) {
        return m.failed("no HEAP line, see " + log);
      }
      m.heap(heap);
      stdin.write("exit\n");
      stdin.flush();
    } finally {
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    }
    return m;
  }

  /** Reads lines until one starts with {@code prefix}; {@code null} at the end of the output. */
  private static String readLine(BufferedReader reader, String prefix) throws IOException {
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    return null;
  }

  /** An HTTP response: its status and its body as text. */
  record Response(int status, String body) {}

  /**
   * {@code GET path} over HTTP/1.0 on a new loopback connection, read to its end: no chunks, no
   * client library to load or warm up on this side.
   */
  static Response get(int port, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(60_000);
      OutputStream request = socket.getOutputStream();
      request.write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port
          + "\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      request.flush();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      InputStream response = socket.getInputStream();
      response.transferTo(bytes);
      String text = bytes.toString(StandardCharsets.UTF_8);
      int space = text.indexOf(' ');
      if (!text.startsWith("HTTP/") || space < 0 || text.length() < space + 4) {
        return new Response(-1, text);
      }
      int status = Integer.parseInt(text.substring(space + 1, space + 4));
      int body = text.indexOf("\r\n\r\n");
      return new Response(status, body < 0 ? "" : text.substring(body + 4));
    }
  }

  /** Loads this side's socket classes before the first measurement. */
  private static void warmUpClient() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = new Socket()) {
      socket.connect(server.getLocalSocketAddress(), 10_000);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
      if (i == 0 || text.charAt(i - 1) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** The CPU time of all the server's threads so far (Linux: /proc, in clock ticks). */
  private static double cpuMs(Process server) {
    return server.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
  }

  /**
   * The CPU time of each live thread of a process by name (Linux: {@code /proc/PID/task/*}/stat,
   * in clock ticks of 10 ms), summed per name; empty where there is no {@code /proc}.
   */
  private static Map<String, Double> threadCpuMs(long pid) {
    Map<String, Double> byName = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (Stream<Path> all = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) all::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException ended) {
          continue;
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String[] after = stat.substring(close + 2).split(" ");
        // Fields 14 and 15 of stat (utime, stime); "after" starts at field 3.
        double ticks = Long.parseLong(after[11]) + Long.parseLong(after[12]);
        byName.merge(stat.substring(open + 1, close), ticks * 10, Double::sum);
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return byName;
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>(Arrays.asList(text.trim().split("\\s+")));
    words.removeIf(String::isEmpty);
    return words;
  }
}
