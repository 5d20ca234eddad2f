package io.redmetrics.jaxrs;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The registry served on a port of its own ({@link RedMetricsFeature#MANAGEMENT_PORT}) by the
 * Prometheus client's own HTTP server, at {@code /metrics}, instead of by the application's
 * endpoint: a port a firewall or a Kubernetes network policy can close to everyone but
 * Prometheus, whatever paths the application and its proxies expose.
 *
 * <p>Applications of this copy of the library that ask for the same address and port share one
 * server, which stops when the last of them stops. They must share a registry too: one port
 * serves one registry.
 */
final class ManagementServer {

  /** The running servers of this copy of the library, by address and port. */
  private static final Map<String, ManagementServer> RUNNING = new HashMap<>();

  private final String key;
  private final PrometheusRegistry registry;
  private final HTTPServer server;
  /** How many applications use this server; guarded by {@link #RUNNING}. */
  private int users;

  private ManagementServer(String key, PrometheusRegistry registry, HTTPServer server) {
    this.key = key;
    this.registry = registry;
    this.server = server;
  }

  /**
   * Starts serving the settings' registry on their management address and port, or joins the
   * server already there.
   *
   * @return what the application runs when it stops; it runs once, later calls do nothing
   * @throws IllegalArgumentException naming the setting when the address is unknown, the port is
   *     taken, or this port already serves another registry
   */
  static Runnable start(Settings settings) {
    String key = settings.managementAddress + ":" + settings.managementPort;
    ManagementServer joined;
    synchronized (RUNNING) {
      joined = RUNNING.get(key);
      if (joined == null) {
        joined = new ManagementServer(key, settings.registry, listen(settings));
        RUNNING.put(key, joined);
      } else if (joined.registry != settings.registry) {
        throw Settings.invalid(
            RedMetricsFeature.MANAGEMENT_PORT,
            settings.managementPort,
            "already serves another registry for another application on "
                + key
                + "; applications sharing a management port must share a registry");
      }
      joined.users++;
    }
    ManagementServer server = joined;
    AtomicBoolean stopped = new AtomicBoolean();
    return () -> {
      if (stopped.compareAndSet(false, true)) {
        server.leave();
      }
    };
  }

  private void leave() {
    synchronized (RUNNING) {
      if (--users > 0) {
        return;
      }
      RUNNING.remove(key);
    }
    server.close();
  }

  private static HTTPServer listen(Settings settings) {
    InetAddress address;
    try {
      address = InetAddress.getByName(settings.managementAddress);
    } catch (UnknownHostException e) {
      throw Settings.invalid(
          RedMetricsFeature.MANAGEMENT_ADDRESS, settings.managementAddress, "unknown host");
    }
    HTTPServer.Builder builder =
        HTTPServer.builder()
            .inetAddress(address)
            .port(settings.managementPort)
            .registry(settings.registry);
    HTTPServer[] started = new HTTPServer[1];
    RuntimeException[] failed = new RuntimeException[1];
    // The JDK's server thread takes the daemon flag of the thread that starts it: started from a
    // daemon thread, it never keeps the JVM alive on a runtime that does not say when it stops.
    Thread starter =
        new Thread(
            () -> {
              try {
                started[0] = builder.buildAndStart();
              } catch (IOException e) {
                failed[0] = new UncheckedIOException(e);
              } catch (RuntimeException e) {
                failed[0] = e;
              }
            },
            "redmetrics-management-server-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the management server", e);
    }
    if (failed[0] != null) {
      Throwable cause = failed[0].getCause() != null ? failed[0].getCause() : failed[0];
      IllegalArgumentException taken =
          Settings.invalid(
          RedMetricsFeature.MANAGEMENT_PORT,
          settings.managementPort,
          "cannot listen on "
              + address.getHostAddress()
              + ":"
              + settings.managementPort
              + " ("
              + cause.getMessage()
              + "): the port is taken by another process, or by an application with its own copy"
              + " of redmetrics-jaxrs");
      taken.initCause(cause);
      throw taken;
    }
    return started[0];
  }
}
