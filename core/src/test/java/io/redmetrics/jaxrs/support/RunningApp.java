package io.redmetrics.jaxrs.support;

import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A Jakarta REST application served over real HTTP on an ephemeral loopback port, started with
 * the runtime-neutral {@link SeBootstrap}: whichever runtime is on the test class path serves it.
 */
public final class RunningApp implements AutoCloseable {

  private final SeBootstrap.Instance instance; // null when deployed elsewhere
  private final URI base;

  private RunningApp(SeBootstrap.Instance instance, URI base) {
    this.instance = instance;
    this.base = base;
  }

  /** An application deployed at {@code base}: closing it leaves it running. */
  public static RunningApp at(URI base) {
    return new RunningApp(null, base);
  }

  /** Starts {@code application} below {@code rootPath} (for example {@code "/"} or {@code "/api"}). */
  static RunningApp start(Application application, String rootPath) {
    SeBootstrap.Configuration configuration =
        SeBootstrap.Configuration.builder()
            .protocol("HTTP")
            .host("127.0.0.1")
            .port(SeBootstrap.Configuration.FREE_PORT)
            .rootPath(rootPath)
            .build();
    try {
      SeBootstrap.Instance instance =
          SeBootstrap.start(application, configuration).toCompletableFuture().get(30, TimeUnit.SECONDS);
      URI base = instance.configuration().baseUri();
      return new RunningApp(instance, base);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base URI, ending in a slash. */
  public URI base() {
    String uri = base.toString();
    return uri.endsWith("/") ? base : URI.create(uri + "/");
  }

  /** Resolves a path relative to the base URI ({@code "products/1"}). */
  public URI uri(String relative) {
    return base().resolve(relative.startsWith("/") ? relative.substring(1) : relative);
  }

  @Override
  public void close() {
    if (instance == null) {
      return;
    }
    try {
      instance.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
