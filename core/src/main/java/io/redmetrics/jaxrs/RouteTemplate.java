package io.redmetrics.jaxrs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

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

  /**
   * Returns a pattern that matches a path ending in what {@code template} matches: template
   * variables match one segment, or their regular expression. Used to tell apart sub-resource
   * locators the matched classes cannot; compiled once per locator.
   */
  static Pattern endingIn(String template) {
    StringBuilder regex = new StringBuilder("(?:.*/)?");
    int from = 0;
    int to = template.length();
    while (from < to && template.charAt(from) == '/') {
      from++;
    }
    while (to > from && template.charAt(to - 1) == '/') {
      to--;
    }
    String trimmed = template.substring(from, to);
    int i = 0;
    while (i < trimmed.length()) {
      int open = trimmed.indexOf('{', i);
      if (open < 0) {
        regex.append(Pattern.quote(trimmed.substring(i)));
        break;
      }
      if (open > i) {
        regex.append(Pattern.quote(trimmed.substring(i, open)));
      }
      int depth = 1;
      int colon = -1;
      int j = open + 1;
      while (j < trimmed.length() && depth > 0) {
        char c = trimmed.charAt(j);
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        if (c == ':' && depth == 1 && colon < 0) {
          colon = j;
        }
        j++;
      }
      regex.append(colon < 0 ? "[^/]+" : "(?:" + trimmed.substring(colon + 1, j - 1).trim() + ")");
      i = j;
    }
    return Pattern.compile(regex.append("/?").toString());
  }

  /**
   * Returns the application's base path as the label shows it, the same however a client spelled
   * it: percent-encodings decoded, path parameters ({@code ;jsessionid=...}) removed, one slash
   * between segments, a leading slash and no trailing one ({@code "/"} for the root). Servlet
   * containers may keep the client's spelling in the context path, so the raw base path is not
   * bounded.
   *
   * @param raw the raw path of {@code UriInfo.getBaseUri()}
   */
  static String basePath(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      int end = raw.indexOf('/', i);
      end = end < 0 ? raw.length() : end;
      int parameters = raw.indexOf(';', i);
      String segment = decode(raw.substring(i, parameters >= 0 && parameters < end ? parameters : end));
      if (!segment.isEmpty()) {
        out.append('/').append(segment);
      }
      i = end + 1;
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /** Decodes percent-encoded UTF-8; a malformed escape stays as it is. */
  private static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    int i = 0;
    while (i < segment.length()) {
      int high = i + 2 < segment.length() && segment.charAt(i) == '%'
          ? Character.digit(segment.charAt(i + 1), 16) : -1;
      int low = high >= 0 ? Character.digit(segment.charAt(i + 2), 16) : -1;
      if (low >= 0) {
        bytes.write(high * 16 + low);
        i += 3;
      } else {
        int next = segment.indexOf('%', i + 1);
        next = next < 0 ? segment.length() : next;
        byte[] plain = segment.substring(i, next).getBytes(StandardCharsets.UTF_8);
        bytes.write(plain, 0, plain.length);
        i = next;
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
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
