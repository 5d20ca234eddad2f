package io.redmetrics.monitoring;

import java.time.Duration;
import java.util.function.Predicate;

/** Polls until a condition holds or a deadline passes: every wait of these tests is bounded. */
final class Poll {

  private static final Duration EVERY = Duration.ofMillis(200);

  private Poll() {}

  /** A probe that may throw, as HTTP calls do. */
  @FunctionalInterface
  interface Probe<T> {
    T get() throws Exception;
  }

  /**
   * Probes until the answer is accepted.
   *
   * @param what what is awaited, for the failure message
   * @param timeout how long to try
   * @param probe the probe
   * @param accepted when its answer is good enough
   * @param <T> the answer's type
   * @return the accepted answer
   * @throws AssertionError with the last answer (or failure) once the timeout passed
   * @throws InterruptedException when interrupted while waiting
   */
  static <T> T until(String what, Duration timeout, Probe<T> probe, Predicate<T> accepted)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Object last = null;
    while (true) {
      try {
        T answer = probe.get();
        if (accepted.test(answer)) {
          return answer;
        }
        last = answer;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "not within " + timeout.toSeconds() + " s: " + what + "; last answer: " + last);
      }
      Thread.sleep(EVERY.toMillis());
    }
  }
}
