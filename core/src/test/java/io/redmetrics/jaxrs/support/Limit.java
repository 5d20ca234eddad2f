package io.redmetrics.jaxrs.support;

/**
 * A documented limit of a runtime: a rule of the suite that the library cannot keep there, for a
 * reason outside it. A test whose rule a runtime declares a limit of asserts the limit instead
 * (so that the day the runtime lifts it, the test fails and the declaration goes).
 */
public enum Limit {

  /**
   * An application response filter that throws is not recorded, and its request stays in flight:
   * the runtime runs no hook an application can see after the failure. Open Liberty 26 with only
   * {@code restfulWS-3.1}, where the servlet API and RESTEasy's own are hidden from applications.
   */
  THROWING_RESPONSE_FILTER_IS_NOT_RECORDED("throwing-response-filter-is-not-recorded");

  private final String id;

  Limit(String id) {
    this.id = id;
  }

  /** The name of the limit in {@value ConformanceRuntime#LIMITS}. */
  public String id() {
    return id;
  }
}
