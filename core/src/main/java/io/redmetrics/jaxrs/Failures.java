package io.redmetrics.jaxrs;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the library's own failures go: to the log, at most once a minute, never into a request.
 * A metrics library that throws into the application it measures, or floods its log, does more
 * harm than the numbers it loses.
 */
final class Failures {

  private static final Logger LOGGER = Logger.getLogger("io.redmetrics.jaxrs");
  private static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
  /** When the next failure may be logged. */
  private static final AtomicLong NEXT = new AtomicLong(System.nanoTime());
  /** Failures not logged since the last one that was. */
  private static final AtomicLong SUPPRESSED = new AtomicLong();

  private Failures() {}

  /** Logs {@code failure} unless another was logged less than a minute ago. */
  static void log(String what, Throwable failure) {
    long now = System.nanoTime();
    long next = NEXT.get();
    if (now - next >= 0 && NEXT.compareAndSet(next, now + INTERVAL_NANOS)) {
      LOGGER.log(
          Level.WARNING,
          "redmetrics-jaxrs: "
              + what
              + "; the request went on unrecorded ("
              + SUPPRESSED.getAndSet(0)
              + " failures since the last one logged; at most one is logged a minute)",
          failure);
    } else {
      SUPPRESSED.incrementAndGet();
    }
  }
}
