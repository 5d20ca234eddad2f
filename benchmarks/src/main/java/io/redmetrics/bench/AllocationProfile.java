package io.redmetrics.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a package allocates, per request, from a JFR recording of a bench server under load
 * ({@code profile.sh}): the allocation events of new TLABs and outside them, each weighted by the
 * bytes it stands for, so that over some million requests the sum per stack is a fair share of
 * all bytes allocated. A sample counts for the package when a frame of it is on the stack, unless
 * a frame above it hands control back to the runtime ({@code proceed}, the delegated response
 * writer of Jersey): those bytes are the runtime's, only called through the package.
 *
 * <p>Usage: {@code AllocationProfile <recording.jfr> <requests> [<package> [<top>]]}; prints the
 * total per request, the package's own per request, and its {@code top} allocation sites.
 */
public final class AllocationProfile {

  /** Methods through which a provider calls back into the runtime's own work. */
  private static final Set<String> HANDING_BACK =
      Set.of("proceed", "writeResponseStatusAndHeaders", "commit", "failure", "flush", "close");

  private AllocationProfile() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: AllocationProfile <recording.jfr> <requests> [<package> [<top>]]");
      System.exit(2);
    }
    Path recording = Path.of(args[0]);
    long requests = Long.parseLong(args[1]);
    String prefix = args.length > 2 ? args[2] : "io.redmetrics.jaxrs.";
    int top = args.length > 3 ? Integer.parseInt(args[3]) : 15;

    Map<String, Long> bySite = new HashMap<>();
    long total = 0;
    long own = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      long weight = weight(event);
      if (weight == 0) {
        continue;
      }
      total += weight;
      String site = site(event, prefix);
      if (site != null) {
        own += weight;
        bySite.merge(site, weight, Long::sum);
      }
    }
    System.out.printf(
        "allocated %,d B per request; %s: %,d B per request (%.3f %%)%n",
        total / requests, prefix, own / requests, 100.0 * own / total);
    bySite.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> System.out.printf("%6d B  %s%n", e.getValue() / requests, e.getKey()));
  }

  /** The bytes an allocation event stands for; 0 for other events. */
  private static long weight(RecordedEvent event) {
    switch (event.getEventType().getName()) {
      case "jdk.ObjectAllocationInNewTLAB":
        return event.getLong("tlabSize");
      case "jdk.ObjectAllocationOutsideTLAB":
        return event.getLong("allocationSize");
      default:
        return 0;
    }
  }

  /**
   * The allocated class and the frames down to the package's first, or {@code null} when the
   * package is not on the stack or handed control back to the runtime above it.
   */
  private static String site(RecordedEvent event, String prefix) {
    if (event.getStackTrace() == null) {
      return null;
    }
    List<RecordedFrame> frames = event.getStackTrace().getFrames();
    StringBuilder site = new StringBuilder(event.getClass("objectClass").getName()).append(" <-");
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      String method = frame.getMethod().getName();
      site.append(' ').append(type.substring(type.lastIndexOf('.') + 1))
          .append('.').append(method).append(':').append(frame.getLineNumber());
      if (type.startsWith(prefix)) {
        return site.toString();
      }
      if (HANDING_BACK.contains(method)) {
        return null;
      }
    }
    return null;
  }
}
