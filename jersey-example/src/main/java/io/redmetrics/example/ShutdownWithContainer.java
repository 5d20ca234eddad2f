package io.redmetrics.example;

import java.util.concurrent.ExecutorService;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/** Shuts an executor of the application down when the container stops. */
public final class ShutdownWithContainer implements ContainerLifecycleListener {

  private final ExecutorService executor;

  /** Creates the listener that shuts {@code executor} down. */
  ShutdownWithContainer(ExecutorService executor) {
    this.executor = executor;
  }

  /**
   * Does nothing: the executor runs from the start.
   *
   * @param container the container that started
   */
  @Override
  public void onStartup(Container container) {
    // Nothing to start.
  }

  /**
   * Does nothing: a reload keeps the executor.
   *
   * @param container the container that reloaded
   */
  @Override
  public void onReload(Container container) {
    // Nothing to reload.
  }

  /**
   * Shuts the executor down, dropping queued tasks.
   *
   * @param container the container that stopped
   */
  @Override
  public void onShutdown(Container container) {
    executor.shutdownNow();
  }
}
