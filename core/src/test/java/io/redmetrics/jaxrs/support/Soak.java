package io.redmetrics.jaxrs.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * A bounded soak: a few client threads send a weighted mix of {@link Scenario}s, over and over,
 * until its time is up or it has sent its most requests. Each client walks the same weighted
 * cycle from its own starting point, so every scenario runs throughout and concurrently with the
 * others. Counts what the clients sent and saw, per scenario.
 */
public final class Soak {

  /** The status a scenario's client may see any of (a response broken off after its status line). */
  public static final int ANY_STATUS = 0;

  /** One kind of request of the mix. */
  public static final class Scenario {
    final String name;
    final int weight;
    final String route;
    final int clientStatus;
    final IntSupplier send;
    final boolean mayNotArrive;

    private Scenario(
        String name, int weight, String route, int clientStatus, IntSupplier send, boolean mayNotArrive) {
      this.name = name;
      this.weight = weight;
      this.route = route;
      this.clientStatus = clientStatus;
      this.send = send;
      this.mayNotArrive = mayNotArrive;
    }

    /**
     * This scenario, whose client leaves before the response: the server may drop a request whose
     * connection is reset before it read it, so it may count fewer than were sent.
     */
    public Scenario mayNotArrive() {
      return new Scenario(name, weight, route, clientStatus, send, true);
    }
  }

  /**
   * A scenario: {@code weight} of every cycle of the mix, a request to {@code route} (as its
   * {@code path} label, for example {@code /soak/status/{code}}) that {@code send} sends, returning
   * the status the client saw, which must be {@code clientStatus} unless that is {@link #ANY_STATUS}.
   */
  public static Scenario scenario(String name, int weight, String route, int clientStatus, IntSupplier send) {
    return new Scenario(name, weight, route, clientStatus, send, false);
  }

  private final Map<String, AtomicLong> sent = new LinkedHashMap<>();
  private final Map<String, AtomicLong> nanos = new LinkedHashMap<>();
  private final Map<String, Map<Integer, AtomicLong>> seen = new LinkedHashMap<>();
  private final Map<String, Integer> surprises = new TreeMap<>();
  private final List<Scenario> mix;
  private long elapsedMillis;

  private Soak(List<Scenario> mix) {
    this.mix = mix;
    for (Scenario scenario : mix) {
      sent.put(scenario.name, new AtomicLong());
      nanos.put(scenario.name, new AtomicLong());
      seen.put(scenario.name, new TreeMap<>());
    }
  }

  /**
   * Runs {@code mix} on {@code clients} threads for {@code length}, or until {@code maxRequests}
   * have been sent, and returns what the clients sent and saw.
   */
  public static Soak run(List<Scenario> mix, int clients, Duration length, long maxRequests)
      throws Exception {
    Soak soak = new Soak(mix);
    List<Scenario> cycle = new ArrayList<>();
    for (Scenario scenario : mix) {
      for (int i = 0; i < scenario.weight; i++) {
        cycle.add(scenario);
      }
    }
    AtomicLong budget = new AtomicLong(maxRequests);
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int offset = c * cycle.size() / clients;
        running.add(
            pool.submit(
                () -> {
                  for (int i = offset; System.nanoTime() < deadline && budget.decrementAndGet() >= 0; i++) {
                    soak.send(cycle.get(i % cycle.size()));
                  }
                }));
      }
      for (Future<?> client : running) {
        client.get(length.toSeconds() + 120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    soak.elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return soak;
  }

  private void send(Scenario scenario) {
    sent.get(scenario.name).incrementAndGet();
    int status;
    long start = System.nanoTime();
    try {
      status = scenario.send.getAsInt();
    } catch (RuntimeException e) {
      surprise(scenario.name + ": the request failed: " + e);
      return;
    } finally {
      nanos.get(scenario.name).addAndGet(System.nanoTime() - start);
    }
    Map<Integer, AtomicLong> statuses = seen.get(scenario.name);
    synchronized (statuses) {
      statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }
    if (scenario.clientStatus != ANY_STATUS && status != scenario.clientStatus) {
      surprise(scenario.name + ": the client saw " + status + ", not " + scenario.clientStatus);
    }
  }

  private synchronized void surprise(String what) {
    surprises.merge(what, 1, Integer::sum);
  }

  /** The requests sent, all told. */
  public long requests() {
    return sent.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /**
   * Per route (its {@code path} label), the requests the server must have seen: those sent, less
   * those that {@linkplain Scenario#mayNotArrive() may not arrive}.
   */
  public Map<String, Long> arrivedAtLeast() {
    return perRoute(false);
  }

  /** Per route (its {@code path} label), the requests sent. */
  public Map<String, Long> sentPerRoute() {
    return perRoute(true);
  }

  private Map<String, Long> perRoute(boolean all) {
    Map<String, Long> perRoute = new TreeMap<>();
    for (Scenario scenario : mix) {
      perRoute.merge(scenario.route, all || !scenario.mayNotArrive ? sent.get(scenario.name).get() : 0, Long::sum);
    }
    return perRoute;
  }

  /**
   * The requests that failed, or whose client saw another status than its scenario's: each kind
   * once, with how often it happened.
   */
  public synchronized Map<String, Integer> surprises() {
    return new TreeMap<>(surprises);
  }

  /** How long the clients ran. */
  public long elapsedMillis() {
    return elapsedMillis;
  }

  /** One line per scenario: requests sent, their mean time, and the statuses the clients saw. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    for (Scenario scenario : mix) {
      Map<Integer, AtomicLong> statuses = seen.get(scenario.name);
      synchronized (statuses) {
        long count = sent.get(scenario.name).get();
        text.append(
            String.format(
                "%7d  %-45s %7.1f ms  client saw %s%n",
                count,
                scenario.name,
                count == 0 ? 0.0 : nanos.get(scenario.name).get() / 1e6 / count,
                statuses));
      }
    }
    return text.toString();
  }
}
