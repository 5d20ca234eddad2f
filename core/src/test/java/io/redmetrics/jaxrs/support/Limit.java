package io.redmetrics.jaxrs.support;

/**
 * A documented limit of a runtime: a rule of the suite that the library cannot keep there, for a
 * reason outside it. A test whose rule a runtime declares a limit of asserts the limit instead
 * (so that the day the runtime lifts it, the test fails and the declaration goes).
 */
public enum Limit {

  /**
   * A request the runtime fails to answer through Jakarta REST is not recorded, and stays in
   * flight: an application response filter that throws, or an exception no mapper handles when
   * RESTEasy's default mapper itself fails (it builds the request URI, and fails on a query that is
   * no valid URI). The runtime runs no hook an application can see after such a failure. Open
   * Liberty 26 with only {@code restfulWS-3.1}, where the servlet API and RESTEasy's own classes
   * are hidden from applications.
   */
  UNANSWERED_FAILURES_ARE_NOT_RECORDED("unanswered-failures-are-not-recorded"),

  /**
   * The runtime tells an application's providers nothing when the application stops, so the
   * management port's server, shared by the applications that asked for it, serves until the JVM
   * exits (its threads are daemons). RESTEasy 6.2 with {@code SeBootstrap}: stopping the instance
   * calls no {@code @PreDestroy}, {@code close()} or listener of a provider.
   */
  STOPPING_IS_NOT_TOLD("stopping-is-not-told");

  private final String id;

  Limit(String id) {
    this.id = id;
  }

  /** The name of the limit in {@value ConformanceRuntime#LIMITS}. */
  public String id() {
    return id;
  }
}
