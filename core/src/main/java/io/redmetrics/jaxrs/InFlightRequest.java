package io.redmetrics.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The state of one request between the first filter and the end of the response: when its clock
 * started, which route it was bound to, and whether it has been recorded. It travels as a request
 * property, so it needs no injected fields, and it is recorded exactly once, whichever of the
 * response filter, the writer interceptor or a runtime's completion hook gets there first.
 */
final class InFlightRequest {

  /** The request property holding this state. */
  static final String PROPERTY = InFlightRequest.class.getName();

  private static final AtomicIntegerFieldUpdater<InFlightRequest> COMPLETED =
      AtomicIntegerFieldUpdater.newUpdater(InFlightRequest.class, "completed");

  private final long startNanos;
  private final String method;
  /** Set once the request was matched to a route (or to the metrics endpoint). */
  private volatile boolean routed;
  /** {@code null} when not routed yet, or when the route is excluded. */
  private volatile RouteSeries route;
  /** Whether {@link #route} counts this request as in flight. */
  private volatile boolean active;
  /** The status awaiting the end of the entity write; 0 when nothing is deferred. */
  private volatile int deferredStatus;

  /** 1 once recorded; set through {@link #COMPLETED}. */
  private volatile int completed;

  /**
   * @param startNanos when the first filter saw the request
   * @param method the method the client sent; a runtime may change the request's method later
   *     (Jersey 3.1 answers {@code HEAD} by running a {@code GET} method, as {@code GET})
   */
  InFlightRequest(long startNanos, String method) {
    this.startNanos = startNanos;
    this.method = method;
  }

  /** The method the client sent. */
  String method() {
    return method;
  }

  /** Returns the state of {@code request}, {@code null} when the request was not started here. */
  static InFlightRequest of(ContainerRequestContext request) {
    return (InFlightRequest) request.getProperty(PROPERTY);
  }

  /** Binds the matched route and counts the request as in flight on it. */
  void enter(RouteSeries series) {
    route = series;
    routed = true;
    if (series != null) {
      active = true;
      series.started();
    }
  }

  /** Marks a request that must not be recorded (the metrics endpoint). */
  void ignore() {
    routed = true;
  }

  boolean isRouted() {
    return routed;
  }

  /** Binds the route of a request that reached the response without entering one. */
  void endOutside(RouteSeries series) {
    route = series;
    routed = true;
  }

  /** Postpones recording until the response entity has been written, with {@code status}. */
  void defer(int status) {
    deferredStatus = status;
  }

  /** Returns the status postponed by {@link #defer(int)}, 0 when nothing is postponed. */
  int deferredStatus() {
    return deferredStatus;
  }

  /** Whether {@link #complete(int)} has run. */
  boolean isCompleted() {
    return completed != 0;
  }

  /** Records the request with the status the client received, once; later calls do nothing. */
  void complete(int status) {
    long endNanos = System.nanoTime();
    if (!COMPLETED.compareAndSet(this, 0, 1)) {
      return;
    }
    RouteSeries series = route;
    if (series == null) {
      return;
    }
    if (active) {
      series.ended();
    }
    series.completed(status, (endNanos - startNanos) / 1e9);
  }
}
