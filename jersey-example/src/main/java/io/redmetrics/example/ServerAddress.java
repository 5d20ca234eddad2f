package io.redmetrics.example;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Properties;

/**
 * Where the server listens: {@code http://127.0.0.1:8080/} unless the first command-line argument
 * or the system property {@code port} names another port, or the system property {@code host}
 * another host.
 */
final class ServerAddress {

  /** The host when the system property {@code host} is not set. */
  static final String DEFAULT_HOST = "127.0.0.1";

  /** The port when neither an argument nor the system property {@code port} names one. */
  static final int DEFAULT_PORT = 8080;

  private ServerAddress() {}

  /**
   * Returns the base URI to listen on.
   *
   * @param args the command-line arguments; the first, if any, is the port
   * @param properties the system properties {@code host} and {@code port}
   * @throws IllegalArgumentException when the port or host is invalid
   */
  static URI baseUri(String[] args, Properties properties) {
    String host = properties.getProperty("host", DEFAULT_HOST);
    String port =
        args.length > 0 ? args[0] : properties.getProperty("port", Integer.toString(DEFAULT_PORT));
    try {
      return new URI("http", null, host, port(port), "/", null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("host: " + host + ": " + e.getMessage(), e);
    }
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below, like an out-of-range number.
    }
    throw new IllegalArgumentException("port: " + text + ": must be a number from 1 to 65535");
  }
}
