package io.redmetrics.jaxrs;

import java.util.Set;

/**
 * Pure rules for the {@code method} label, which must stay within a small, known set whatever
 * method string a client sends.
 */
final class MethodLabel {

  /** The {@code method} label of a request method that is neither standard nor declared. */
  static final String OTHER = "_OTHER";

  /** The methods of RFC 9110 and RFC 5789 that are always their own label. */
  static final Set<String> STANDARD =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  private MethodLabel() {}

  /**
   * Returns the label of a request method.
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
}
