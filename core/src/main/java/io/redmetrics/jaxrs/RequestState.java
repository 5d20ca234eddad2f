package io.redmetrics.jaxrs;

/**
 * What the library knows of one request between the first filter that saw it and its end: plain
 * data, written by {@link RequestLifecycle} only. It travels as a request property, so that it
 * needs no injected fields. A runtime adapter may extend it with what it needs per request ({@link
 * JerseyAdapter}'s writer, which also hears how the entity ended: {@link #entityEnded}), so
 * that a request costs one object.
 */
class RequestState {

  /** The request property holding the state. */
  static final String PROPERTY = RequestState.class.getName();

  /** When the first filter saw the request. */
  final long startNanos;

  /**
   * The method the client sent. A runtime may change the request's method later (Jersey 3.1 runs
   * a {@code HEAD} request through a {@code GET} method as {@code GET}; override filters).
   */
  final String sentMethod;

  /**
   * Whether the series to record to is settled: the request entered a route, or reached its end
   * without one and was resolved then.
   */
  volatile boolean settled;

  /** The series the request is recorded to once settled; {@code null} when excluded. */
  volatile RouteSeries series;

  /** Whether the request is counted in flight on {@link #series} (it entered a route). */
  volatile boolean active;

  /** The status awaiting the end of the entity write; 0 when nothing is deferred. */
  volatile int deferredStatus;

  /** The scrape of the metrics endpoint this request was answered with; {@code null} for others. */
  volatile MetricsResource.Answer scrape;

  /** 1 once recorded or dismissed; set through {@link RequestLifecycle}'s updater only. */
  volatile int finished;

  RequestState(long startNanos, String sentMethod) {
    this.startNanos = startNanos;
    this.sentMethod = sentMethod;
  }

  /**
   * The entity has been written, or failed, with nothing deferred to record it: a runtime whose
   * own hook ends every request ({@link RuntimeAdapter#seesEveryEnd}) records it now if the status
   * line is already out. Nothing to do here.
   *
   * @param failedStatus 0 when the entity was written, else the status its failure settles
   */
  void entityEnded(int failedStatus) {}
}
