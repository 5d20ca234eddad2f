package io.redmetrics.jaxrs;

import java.util.List;
import java.util.Set;

/**
 * Pure rules for the {@code method} label, which must stay within a small, known set whatever
 * method string a client sends: every label of every series goes through this class.
 */
final class MethodLabel {

  /** The {@code method} label of a request method that is neither standard nor declared. */
  static final String OTHER = "_OTHER";

  /** The methods of RFC 9110 and RFC 5789 that are always their own label. */
  static final Set<String> STANDARD =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  /** The standard methods as designators, for a match the runtime made ignoring case. */
  static final List<String> KNOWN =
      List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  private static final String GET = "GET";
  private static final String HEAD = "HEAD";

  private MethodLabel() {}

  /**
   * Returns the label of a request that matched no resource method of the application.
   *
   * @param method the request method as the client sent it (case-sensitive, as in HTTP)
   * @param declared methods named by {@code @HttpMethod} designators on deployed resources
   * @return {@code method} itself when standard or declared, otherwise {@link #OTHER}
   */
  static String of(String method, Set<String> declared) {
    if (method != null && (STANDARD.contains(method) || declared.contains(method))) {
      return method;
    }
    return OTHER;
  }

  /**
   * Returns the label of a request matched to a resource method: the designator that matched, as
   * declared, whatever case the client or a method-override filter used (CXF matches methods
   * ignoring case), and {@code HEAD} for a {@code HEAD} request a {@code GET} method answers (Jersey
   * 3.1 runs it as {@code GET}). Compares strings only: no allocation.
   *
   * @param sent the method the client sent, before any filter
   * @param current the request's method when it was matched, after method-override filters
   * @param designators the methods the resource method's designators name
   * @param declared methods named by {@code @HttpMethod} designators on deployed resources
   */
  static String ofMatched(
      String sent, String current, List<String> designators, Set<String> declared) {
    boolean answersGet = false;
    for (int i = 0; i < designators.size(); i++) {
      String designator = designators.get(i);
      if (designator.equals(current) || designator.equalsIgnoreCase(current)) {
        return designator.equals(GET) && HEAD.equalsIgnoreCase(sent) ? HEAD : designator;
      }
      answersGet |= designator.equals(GET);
    }
    if (answersGet && HEAD.equalsIgnoreCase(current)) {
      return HEAD;
    }
    return of(current, declared);
  }
}
