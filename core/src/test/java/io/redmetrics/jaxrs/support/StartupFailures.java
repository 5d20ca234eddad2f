package io.redmetrics.jaxrs.support;

/** What a runtime throws when an application fails to start, unwrapped. */
public final class StartupFailures {

  private StartupFailures() {}

  /** The {@link IllegalArgumentException} a runtime may have wrapped while failing to start. */
  public static IllegalArgumentException illegalArgument(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        return (IllegalArgumentException) t;
      }
    }
    throw new AssertionError("no IllegalArgumentException in the chain", e);
  }
}
