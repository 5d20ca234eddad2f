package io.redmetrics.example.shop;

import java.util.List;

/** Writes the few JSON values this example returns, so that it needs no JSON provider. */
final class Json {

  private Json() {}

  /**
   * Returns {@code text} as a JSON string literal, quotes included.
   *
   * @param text any text, for example a product name sent by a client
   * @return the escaped literal
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * Returns a JSON array of values that are already JSON.
   *
   * @param values encoded JSON values
   * @return the array, one value a line
   */
  static String array(List<String> values) {
    return values.isEmpty() ? "[]\n" : "[\n  " + String.join(",\n  ", values) + "\n]\n";
  }
}
