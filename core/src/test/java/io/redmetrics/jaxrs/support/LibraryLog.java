package io.redmetrics.jaxrs.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Watches {@code java.util.logging} of this JVM, where every {@code SeBootstrap} runtime of the
 * suite logs, for records that show a failure of the library: a record of a logger of its own, or
 * one whose exception began in the library. An exception began where it was thrown: the root of
 * its causes, and in that the first frame of this project's code. So a fixture's exception that
 * passes through the library's writer interceptor on its way to the runtime's log (a stream that
 * breaks) is the fixture's, and a {@code NullPointerException} in a filter is the library's.
 */
public final class LibraryLog implements AutoCloseable {

  private static final String PROJECT = "io.redmetrics.";
  private static final String LIBRARY = "io.redmetrics.jaxrs.";
  private static final List<String> TEST_PACKAGES =
      List.of("io.redmetrics.jaxrs.fixtures.", "io.redmetrics.jaxrs.support.", "io.redmetrics.jaxrs.conformance.");

  private final Logger root = Logger.getLogger("");
  private final List<String> failures = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (isTheLibrarys(record)) {
            synchronized (failures) {
              failures.add(describe(record));
            }
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private LibraryLog() {}

  /** Starts watching the root logger. */
  public static LibraryLog watch() {
    LibraryLog log = new LibraryLog();
    log.root.addHandler(log.handler);
    return log;
  }

  /** The records that show a failure of the library, each with its exception's stack. */
  public List<String> failures() {
    synchronized (failures) {
      return new ArrayList<>(failures);
    }
  }

  @Override
  public void close() {
    root.removeHandler(handler);
  }

  static boolean isTheLibrarys(LogRecord record) {
    if (record.getLoggerName() != null && record.getLoggerName().startsWith(PROJECT)) {
      return true;
    }
    Throwable root = record.getThrown();
    if (root == null) {
      return false;
    }
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    for (StackTraceElement frame : root.getStackTrace()) {
      String type = frame.getClassName();
      if (type.startsWith(PROJECT)) {
        return type.startsWith(LIBRARY) && TEST_PACKAGES.stream().noneMatch(type::startsWith);
      }
    }
    return false;
  }

  private static String describe(LogRecord record) {
    StringBuilder text =
        new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
    for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
      text.append("\n  ").append(thrown);
      StackTraceElement[] stack = thrown.getStackTrace();
      for (int i = 0; i < Math.min(stack.length, 12); i++) {
        text.append("\n    at ").append(stack[i]);
      }
      if (thrown.getCause() == thrown) {
        break;
      }
    }
    return text.toString();
  }
}
