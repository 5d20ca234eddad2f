package io.redmetrics.jaxrs;

import java.util.Arrays;
import java.util.List;

/**
 * Pure functions that turn JAX-RS path templates into the value of the {@code path} label.
 *
 * <p>The label is the full route as a client sees it below the host: the application's base path
 * followed by every matched {@code @Path} template, with regular expressions removed
 * ({@code {id: [0-9]+}} becomes {@code {id}}), exactly one slash between segments, a leading slash
 * and no trailing slash. These functions run when a route is first bound, never per request.
 */
final class RouteTemplate {

  /** The {@code path} label of a request that matched no resource method (404, 405, rejected). */
  static final String UNMATCHED = "UNMATCHED";

  private RouteTemplate() {}

  /**
   * Joins path templates in the order a request matches them (outermost first), normalising
   * slashes and stripping regular expressions.
   *
   * @param templates {@code @Path} values or base paths; {@code null} and empty entries are skipped
   * @return the normalised template, {@code "/"} when every part is empty
   */
  static String join(List<String> templates) {
    StringBuilder out = new StringBuilder();
    for (String template : templates) {
      if (template != null) {
        appendSegments(stripRegex(template), out);
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /** Varargs form of {@link #join(List)}. */
  static String join(String... templates) {
    return join(Arrays.asList(templates));
  }

  /**
   * Removes the regular expression of every template variable: {@code {id: [0-9]{3}}} becomes
   * {@code {id}}. Braces inside the expression are balanced as the Jakarta REST grammar requires.
   */
  static String stripRegex(String template) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length());
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      int depth = 1;
      int nameEnd = -1;
      int j = i + 1;
      while (j < template.length() && depth > 0) {
        char d = template.charAt(j);
        if (d == '{') {
          depth++;
        } else if (d == '}') {
          depth--;
        } else if (d == ':' && depth == 1 && nameEnd < 0) {
          nameEnd = j;
        }
        j++;
      }
      int close = depth == 0 ? j - 1 : template.length();
      String name = template.substring(i + 1, nameEnd < 0 ? close : nameEnd).trim();
      out.append('{').append(name).append('}');
      i = close + 1;
    }
    return out.toString();
  }

  private static void appendSegments(String template, StringBuilder out) {
    int i = 0;
    int length = template.length();
    while (i < length) {
      while (i < length && template.charAt(i) == '/') {
        i++;
      }
      int end = i;
      while (end < length && template.charAt(end) != '/') {
        end++;
      }
      if (end > i) {
        out.append('/').append(template, i, end);
      }
      i = end;
    }
  }
}
