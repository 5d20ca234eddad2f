package io.redmetrics.jaxrs;

import jakarta.ws.rs.core.UriInfo;

/**
 * The raw base path of the last request, by two strings the runtime keeps per request and the
 * base path follows from (Undertow's context and servlet paths for RESTEasy, CXF's endpoint
 * address): for runtimes whose {@code UriInfo.getBaseUri()} parses a new URI on each call, about
 * 400 bytes a request. A request with the same strings as the last one costs two comparisons.
 *
 * <p>One entry: an application served below several base paths at once is still recorded right,
 * and pays the runtime's URI whenever the base path changes from one request to the next.
 */
final class BasePathMemo {

  private volatile Entry last;

  /**
   * Returns the raw path of {@code uriInfo.getBaseUri()}, which {@code context} and {@code
   * mapping} determine: read from the last entry when they are the same, else from the runtime.
   *
   * @param context the first string, {@code null} when the runtime did not tell: not remembered
   * @param mapping the second string; {@code ""} when one determines the base path
   */
  String rawBasePath(String context, String mapping, UriInfo uriInfo) {
    Entry entry = last;
    if (entry != null && entry.context.equals(context) && entry.mapping.equals(mapping)) {
      return entry.rawBasePath;
    }
    String rawBasePath = uriInfo.getBaseUri().getRawPath();
    if (context != null && mapping != null) {
      last = new Entry(context, mapping, rawBasePath);
    }
    return rawBasePath;
  }

  private static final class Entry {
    final String context;
    final String mapping;
    final String rawBasePath;

    Entry(String context, String mapping, String rawBasePath) {
      this.context = context;
      this.mapping = mapping;
      this.rawBasePath = rawBasePath;
    }
  }
}
