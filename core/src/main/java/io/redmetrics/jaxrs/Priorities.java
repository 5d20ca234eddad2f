package io.redmetrics.jaxrs;

/**
 * The priorities of this library's providers. Jakarta REST runs request filters and interceptors
 * from the lowest priority to the highest, and response filters from the highest to the lowest.
 * They are given as {@code @Priority} on the classes: Jersey 3.1 ignores the priority passed to
 * {@code FeatureContext.register(Object, int)}.
 */
final class Priorities {

  /**
   * Before every usual priority ({@code AUTHENTICATION} is 1000) on the way in, after them on the
   * way out. Not {@code Integer.MIN_VALUE}: runtimes that sort in descending order by subtracting
   * priorities overflow on it and run the filter first instead of last.
   */
  static final int FIRST = -100_000;

  /** After every usual priority ({@code USER} is 5000) on the way in. */
  static final int LAST = 100_000;

  private Priorities() {}
}
