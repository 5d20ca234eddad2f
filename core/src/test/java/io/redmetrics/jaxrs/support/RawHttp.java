package io.redmetrics.jaxrs.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what the JDK's client refuses or normalises: request targets
 * exactly as written, any method token, malformed headers, a client that goes away mid-response.
 */
public final class RawHttp {

  private static final int TIMEOUT_MS = 30_000;

  private final URI base;

  public RawHttp(RunningApp app) {
    this.base = app.base();
  }

  /**
   * Sends {@code method target} with the given header lines and body, and returns the status code
   * of the response (0 when the server closed the connection without one).
   *
   * @param target the request target exactly as sent, for example {@code /api;x=1/products/1}
   * @param headers header lines such as {@code "Accept: ;;;"}
   */
  public int send(String method, String target, String body, String... headers) {
    try (Socket socket = connect()) {
      write(socket.getOutputStream(), method, target, body, headers);
      String statusLine = readLine(socket.getInputStream());
      String[] parts = statusLine.split(" ");
      return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends {@code GET target}, reads the status line and {@code bytes} bytes of the response, then
   * resets the connection, as a client that gives up does.
   *
   * @return the status code the client saw
   */
  public int getAndLeave(String target, int bytes) {
    try (Socket socket = connect()) {
      write(socket.getOutputStream(), "GET", target, null);
      InputStream in = socket.getInputStream();
      String statusLine = readLine(in);
      int read = 0;
      byte[] buffer = new byte[8192];
      while (read < bytes) {
        int n = in.read(buffer, 0, Math.min(buffer.length, bytes - read));
        if (n < 0) {
          break;
        }
        read += n;
      }
      socket.setSoLinger(true, 0); // close with a reset, not a graceful FIN
      return Integer.parseInt(statusLine.split(" ")[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends {@code GET target}, waits {@code millis} for a response, then resets the connection,
   * as a client that gives up before the server answers does.
   *
   * @return the status code, when the response came first; 0 when the client left before it
   */
  public int getAndLeaveAfter(String target, int millis) {
    try (Socket socket = connect()) {
      write(socket.getOutputStream(), "GET", target, null);
      socket.setSoTimeout(millis);
      socket.setSoLinger(true, 0); // close with a reset, not a graceful FIN
      try {
        String statusLine = readLine(socket.getInputStream());
        return statusLine.isEmpty() ? 0 : Integer.parseInt(statusLine.split(" ")[1]);
      } catch (SocketTimeoutException waitedLongEnough) {
        return 0;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends {@code GET target} and reads the response to its end, as a patient client does; a
   * connection the server resets or cuts short after the status line ends it too.
   *
   * @return the status code of the status line
   */
  public int getToEnd(String target) {
    try (Socket socket = connect()) {
      write(socket.getOutputStream(), "GET", target, null);
      InputStream in = socket.getInputStream();
      int status = Integer.parseInt(readLine(in).split(" ")[1]);
      byte[] buffer = new byte[8192];
      try {
        while (in.read(buffer) >= 0) {
          // the body, to its end
        }
      } catch (IOException cutShort) {
        // the server broke the response off: the status line is what the client got
      }
      return status;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MS);
    socket.setSoTimeout(TIMEOUT_MS);
    return socket;
  }

  private void write(OutputStream out, String method, String target, String body, String... headers)
      throws IOException {
    StringBuilder request = new StringBuilder();
    request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
    request.append("Connection: close\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    byte[] entity = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      request.append("Content-Length: ").append(entity.length).append("\r\n");
    }
    request.append("\r\n");
    out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(entity);
    out.flush();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
