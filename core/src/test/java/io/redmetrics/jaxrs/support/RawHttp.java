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

  /** When a client of {@link #exchange} goes away. */
  public enum Leaving {
    /** It reads the whole response (up to {@link #MAX_RESPONSE_BYTES}) and closes. */
    NEVER,
    /** It reads the status line, then resets the connection. */
    AFTER_THE_STATUS_LINE,
    /** It sends the whole request, then resets the connection without reading. */
    BEFORE_THE_RESPONSE,
    /** It sends half the request's bytes, then resets the connection. */
    DURING_THE_REQUEST
  }

  /** What {@link #exchange} returns when the client saw no status line. */
  public static final int NO_STATUS = 0;

  private static final int DRAIN_TIMEOUT_MS = 250;

  /** The most of one response {@link #exchange} reads. */
  public static final int MAX_RESPONSE_BYTES = 1 << 20;

  /**
   * Sends {@code request}, bytes exactly as given (request line, headers, body), and leaves as
   * {@code leaving} says. Connection failures are an answer, not an error: a server may refuse or
   * drop what a client sends.
   *
   * @param timeoutMs how long to wait for the server at each read
   * @return the final status code the client saw (interim 1xx responses skipped), or {@link
   *     #NO_STATUS} when it saw none (it left first, the server closed or reset the connection, or
   *     did not answer in time)
   */
  public int exchange(byte[] request, Leaving leaving, int timeoutMs) {
    try (Socket socket = connect(timeoutMs)) {
      OutputStream out = socket.getOutputStream();
      if (leaving == Leaving.DURING_THE_REQUEST) {
        out.write(request, 0, request.length / 2);
        out.flush();
        socket.setSoLinger(true, 0);
        return NO_STATUS;
      }
      out.write(request);
      out.flush();
      if (leaving == Leaving.BEFORE_THE_RESPONSE) {
        socket.setSoLinger(true, 0);
        return NO_STATUS;
      }
      InputStream in = socket.getInputStream();
      int status = finalStatus(in);
      if (leaving == Leaving.AFTER_THE_STATUS_LINE) {
        socket.setSoLinger(true, 0);
      } else if (status != NO_STATUS) {
        // A server may keep a connection open after its answer (to CONNECT, say): a quarter of a
        // second without data ends the response too.
        socket.setSoTimeout(Math.min(timeoutMs, DRAIN_TIMEOUT_MS));
        drain(in);
      }
      return status;
    } catch (IOException e) {
      return NO_STATUS;
    }
  }

  /** Reads status lines until a final one, skipping interim responses and their headers. */
  private static int finalStatus(InputStream in) throws IOException {
    while (true) {
      String[] parts = readLine(in).split(" ");
      if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) {
        return NO_STATUS;
      }
      int status = Integer.parseInt(parts[1]);
      if (status >= 200) {
        return status;
      }
      while (!readLine(in).isEmpty()) {
        // the interim response's headers
      }
    }
  }

  /**
   * Reads the rest of a response: its headers, then as many bytes as its {@code Content-Length}
   * says, or up to the end of the connection. A server that stops sending or resets ends it too.
   */
  private static void drain(InputStream in) {
    try {
      long length = -1;
      String header;
      while (!(header = readLine(in)).isEmpty()) {
        int colon = header.indexOf(':');
        if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(header.substring(colon + 1).trim());
        }
      }
      long limit = length < 0 ? MAX_RESPONSE_BYTES : Math.min(length, MAX_RESPONSE_BYTES);
      byte[] buffer = new byte[8192];
      long read = 0;
      int n;
      while (read < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - read))) >= 0) {
        read += n;
      }
    } catch (IOException | NumberFormatException e) {
      // the status line is what the client saw
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
    return connect(TIMEOUT_MS);
  }

  private Socket connect(int timeoutMs) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), timeoutMs);
    socket.setSoTimeout(timeoutMs);
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

  /**
   * Sends {@code GET target} and returns the status line's code and the body as text (at most
   * 1 MB), for a test that checks what a spelling of a path answers.
   */
  public String[] getStatusAndBody(String target) {
    try (Socket socket = connect()) {
      write(socket.getOutputStream(), "GET", target, null);
      byte[] response = socket.getInputStream().readNBytes(1 << 20);
      String text = new String(response, StandardCharsets.ISO_8859_1);
      String status = text.isEmpty() ? "0" : text.split(" ", 3)[1];
      int bodyStart = text.indexOf("\r\n\r\n");
      return new String[] {status, bodyStart < 0 ? "" : text.substring(bodyStart + 4)};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
