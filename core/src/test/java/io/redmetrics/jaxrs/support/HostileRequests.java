package io.redmetrics.jaxrs.support;

import io.redmetrics.jaxrs.fixtures.SeenRequests;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile HTTP/1.1 requests to the fixture shop, from a seeded generator, so that a run can be
 * repeated: the real routes with random and malformed IDs, random and very long paths (up to 8
 * KB), percent-encodings and invalid UTF-8, dot segments, double slashes, matrix parameters,
 * random query strings, any method token, garbage content negotiation headers, huge headers,
 * absolute-form targets and clients that go away early. Every request carries its number in a
 * {@value SeenRequests#TAG} header, so that the shop can tell which ones reached a provider.
 */
public final class HostileRequests {

  /**
   * One request: its number, the bytes to send, when its client leaves, and what makes it hostile
   * ({@code kind}, for failure messages).
   */
  public record Request(int tag, String method, String target, byte[] bytes, RawHttp.Leaving leaving, String kind) {
    @Override
    public String toString() {
      String shown = target.length() > 120 ? target.substring(0, 120) + "...(" + target.length() + ")" : target;
      String verb = method.length() > 20 ? method.substring(0, 20) + "...(" + method.length() + ")" : method;
      return "#" + tag + " " + verb + " " + shown + " [" + kind + ", " + leaving + "]";
    }
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)}");

  /** Request methods that no fixture declares, or spelled in another case. */
  private static final List<String> ODD_METHODS =
      List.of(
          "get", "Get", "gEt", "post", "pUT", "delete", "Patch", "head", "options", "propfind",
          "PropFind", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "SEARCH", "REPORT",
          "MKCALENDAR", "BREW", "QUERY", "PRI", "TRACK", "DEBUG", "G@T", "GET/", "M-SEARCH");

  private static final List<String> MALFORMED_IDS =
      List.of(
          "missing", "broken", "..", ".", "%2e%2e", "%2E", "%2F", "a%2Fb", "%00", "%0d%0a", "%C3%28",
          "%FF%FE", "%E2%82", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%", "%zz", "%4", "100%", "%25",
          "%u0041", "-1", "0", "99999999999999999999", "1e9", "NaN", "%20", "+", "~", "*", "$",
          "'%20OR%201=1--", "%3Cscript%3E", "{id}", "{", "}", "|", "\\", "^", "`", "\"", "<", ">",
          "\u00e9", "\u00ff\u00fe", "\u0080", "ABC-123", "abc-123", "AB-1");

  private static final List<String> MEDIA_TYPES =
      List.of(
          ";;;", "*/*;q=x", "text/", "/", "a/b/c", "text/plain;charset", "text/plain; q=2",
          "*/*;q=-1", "*", "**", "text/plain;;", "application/x-www-form-urlencoded;charset=klingon",
          "multipart/form-data; boundary=", "text/plain, ,,, */*", "=", "\"", "text/plain;a=\"",
          "application/json;q=0.5;q=0.1", "\u00ff\u00fe/\u00e9", "", " ", "text/plain\t;",
          "text/*;level=99999999999999999999", "application/xml; charset=utf-8, */*; q=0.1");

  private static final List<String> CHARSETS =
      List.of("klingon", "utf-8;q=abc", "*;q=2", ";;", "utf-8, iso-8859-1;q=", "", "\u00e9");

  private final Random random;
  private final String authority;
  private final String basePath;
  private final List<ShopRoutes.Route> routes = new ArrayList<>();

  /**
   * @param seed the seed: equal seeds give equal requests
   * @param base the shop's base URI
   * @param avoided templates never to send to (routes that hold a request for seconds, or whose
   *     failure a runtime documents as a limit)
   */
  public HostileRequests(long seed, URI base, Set<String> avoided) {
    this.random = new Random(seed);
    this.authority = base.getHost() + ":" + base.getPort();
    String path = base.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (ShopRoutes.Route route : ShopRoutes.ROUTES) {
      if (!avoided.contains(route.template())) {
        routes.add(route);
      }
    }
  }

  /**
   * A handful of well-formed requests to each route: each of its methods, {@code HEAD} and {@code
   * OPTIONS}, a method it does not answer, and a path that matches nothing; numbered from {@code
   * firstTag}.
   */
  public List<Request> wellFormed(int firstTag) {
    List<Request> requests = new ArrayList<>();
    for (ShopRoutes.Route route : routes) {
      String path = fill(route.template(), false);
      List<String> methods = new ArrayList<>(route.methods());
      methods.addAll(List.of("HEAD", "OPTIONS", "TRACE"));
      for (String method : methods) {
        List<String> headers = new ArrayList<>();
        String body = null;
        if (List.of("POST", "PUT", "PATCH").contains(method)) {
          body = route.template().endsWith("/stock") ? "quantity=3" : "text";
          headers.add(
              "Content-Type: "
                  + (route.template().endsWith("/stock") ? "application/x-www-form-urlencoded" : "text/plain"));
        }
        int tag = firstTag + requests.size();
        requests.add(request(tag, method, basePath + path, headers, body, RawHttp.Leaving.NEVER, "well-formed"));
      }
    }
    int tag = firstTag + requests.size();
    requests.add(request(tag, "GET", basePath + "/no/such/route", List.of(), null, RawHttp.Leaving.NEVER, "well-formed"));
    return requests;
  }

  /** The next hostile request, numbered {@code tag}. */
  public Request next(int tag) {
    List<String> kind = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    String path;
    String method;
    if (chance(75)) {
      ShopRoutes.Route route = pickRoute();
      boolean hostileIds = chance(60);
      path = fill(route.template(), hostileIds);
      kind.add(hostileIds ? "route with hostile ids" : "route");
      method = route.methods().get(random.nextInt(route.methods().size()));
    } else {
      path = randomPath();
      kind.add("random path");
      method = pick(ShopRoutes.STANDARD_METHODS);
    }
    if (chance(20)) {
      path = mutatePath(path);
      kind.add("path mutated");
    }
    if (chance(20)) {
      method = hostileMethod();
      kind.add("method token");
    }
    if (chance(30)) {
      path += "?" + randomQuery();
      kind.add("query");
    }
    if (chance(20)) {
      headers.addAll(garbageNegotiation());
      kind.add("content negotiation headers");
    }
    if (chance(4)) {
      headers.addAll(hugeHeaders());
      kind.add("huge headers");
    }
    String target = basePath + path;
    if (chance(6)) {
      target = absoluteForm(target);
      kind.add("absolute-form");
    }
    String body = null;
    if (List.of("POST", "PUT", "PATCH").contains(method.toUpperCase()) || chance(5)) {
      body = chance(50) ? "quantity=" + randomId() : randomText(random.nextInt(200));
      if (chance(50)) {
        headers.add("Content-Type: " + (chance(50) ? "application/x-www-form-urlencoded" : pick(MEDIA_TYPES)));
      }
      kind.add("body");
    }
    RawHttp.Leaving leaving = RawHttp.Leaving.NEVER;
    if (chance(12)) {
      leaving = pick(List.of(RawHttp.Leaving.values()).subList(1, 4));
      kind.add("client leaves");
    }
    Request request = request(tag, method, target, headers, body, leaving, String.join(", ", kind));
    if (chance(4)) {
      return new Request(tag, method, target, oddHost(request.bytes()), leaving, request.kind() + ", host header");
    }
    return request;
  }

  private Request request(
      int tag, String method, String target, List<String> headers, String body, RawHttp.Leaving leaving, String kind) {
    StringBuilder text = new StringBuilder();
    text.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    text.append("Host: ").append(authority).append("\r\n");
    text.append("Connection: close\r\n");
    text.append(SeenRequests.TAG).append(": ").append(tag).append("\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    byte[] entity = body == null ? new byte[0] : body.getBytes(StandardCharsets.ISO_8859_1);
    if (body != null) {
      text.append("Content-Length: ").append(entity.length).append("\r\n");
    }
    text.append("\r\n");
    byte[] head = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = new byte[head.length + entity.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(entity, 0, bytes, head.length, entity.length);
    return new Request(tag, method, target, bytes, leaving, kind);
  }

  /** Replaces the Host header by a missing, duplicated or malformed one. */
  private byte[] oddHost(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String host = "Host: " + authority + "\r\n";
    String replacement =
        pick(List.of("", host + host, "Host: \r\n", "Host: [::1\r\n", "Host: a b\r\n", "Host: evil.example\r\n",
            "Host: " + authority + ":99999\r\n", "Host: \u00e9\u00ff\r\n"));
    return text.replaceFirst(Pattern.quote(host), Matcher.quoteReplacement(replacement))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Timing routes take 300 ms each: sent to a tenth as often, to keep the run short. */
  private ShopRoutes.Route pickRoute() {
    while (true) {
      ShopRoutes.Route route = pick(routes);
      if (!route.template().startsWith("/timing/") || chance(10)) {
        return route;
      }
    }
  }

  private String fill(String template, boolean hostile) {
    Matcher variables = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (variables.find()) {
      String value = hostile && chance(70) ? hostileId(variables.group(1)) : wellFormedId(variables.group(1));
      variables.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    variables.appendTail(out);
    return out.toString();
  }

  private String wellFormedId(String variable) {
    switch (variable) {
      case "sku":
        return "ABC-" + random.nextInt(1000);
      case "status":
        return pick(List.of("400", "422", "503"));
      default:
        return Integer.toString(1 + random.nextInt(999));
    }
  }

  /**
   * A random or malformed ID. The route {@code failures/web/{status}} answers with the status its
   * ID names: numbers there come from a fixed set, or the client would choose the series.
   */
  private String hostileId(String variable) {
    if (variable.equals("status")) {
      return pick(List.of("0", "99", "600", "-1", "2147483648", "abc", "%35%30%33", "503;x=1", "200"));
    }
    return randomId();
  }

  private String randomId() {
    switch (random.nextInt(5)) {
      case 0:
        return pick(MALFORMED_IDS);
      case 1:
        return Long.toString(random.nextLong());
      case 2:
        return randomSegment(1 + random.nextInt(40));
      case 3:
        return percentEncoded(randomText(1 + random.nextInt(20)));
      default:
        return randomSegment(1000 + random.nextInt(7000));
    }
  }

  /** A path of random segments, now and then one very long, at most 8 KB. */
  private String randomPath() {
    StringBuilder path = new StringBuilder();
    int segments = 1 + random.nextInt(6);
    for (int i = 0; i < segments; i++) {
      path.append('/').append(chance(10) ? randomSegment(500 + random.nextInt(7500)) : randomSegment(1 + random.nextInt(30)));
    }
    return path.length() > 8192 ? path.substring(0, 8192) : path.toString();
  }

  /** Characters a path may carry, and some it may not: escapes, raw bytes above 0x7F, specials. */
  private String randomSegment(int length) {
    StringBuilder segment = new StringBuilder(length);
    while (segment.length() < length) {
      int choice = random.nextInt(100);
      if (choice < 70) {
        segment.append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".charAt(random.nextInt(66)));
      } else if (choice < 82) {
        segment.append(String.format("%%%02X", random.nextInt(256)));
      } else if (choice < 88) {
        segment.append((char) (0x80 + random.nextInt(0x80)));
      } else if (choice < 96) {
        segment.append("!$&'()*+,;=:@".charAt(random.nextInt(13)));
      } else {
        segment.append("{}|\\^`\"<>%[]".charAt(random.nextInt(12)));
      }
    }
    return segment.toString();
  }

  private String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int choice = random.nextInt(10);
      text.append(choice < 6 ? (char) ('a' + random.nextInt(26)) : choice < 9 ? (char) (0xA0 + random.nextInt(0x60)) : '\u20ac');
    }
    return text.toString();
  }

  private static String percentEncoded(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      out.append(String.format("%%%02X", b & 0xFF));
    }
    return out.toString();
  }

  /** Dot segments, double slashes, matrix parameters, case and encoded letters. */
  private String mutatePath(String path) {
    String[] segments = path.substring(1).split("/", -1);
    int at = random.nextInt(segments.length);
    switch (random.nextInt(8)) {
      case 0:
        segments[at] = segments[at] + "/..";
        break;
      case 1:
        segments[at] = "./" + segments[at];
        break;
      case 2:
        segments[at] = "x/../" + segments[at];
        break;
      case 3:
        segments[at] = "/" + segments[at];
        break;
      case 4:
        segments[at] = segments[at] + ";" + pick(List.of("jsessionid=1", "a=b;c", "=", ";;", "x=%zz", "v=1.0"));
        break;
      case 5:
        segments[at] = segments[at].toUpperCase();
        break;
      case 6:
        segments[at] = segments[at].isEmpty() ? "%2F" : String.format("%%%02X", (int) segments[at].charAt(0)) + segments[at].substring(1);
        break;
      default:
        return "/" + String.join("/", segments) + pick(List.of("/", "//", "/.", "/..", "/%2e%2e/%2e%2e"));
    }
    return "/" + String.join("/", segments);
  }

  private String hostileMethod() {
    switch (random.nextInt(4)) {
      case 0:
        return randomToken(1 + random.nextInt(20));
      case 1:
        return randomToken(100 + random.nextInt(5000));
      default:
        return pick(ODD_METHODS);
    }
  }

  private String randomToken(int length) {
    StringBuilder token = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      token.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_!#$%&'*+.^`|~".charAt(random.nextInt(66)));
    }
    return token.toString();
  }

  private String randomQuery() {
    switch (random.nextInt(6)) {
      case 0:
        return "";
      case 1:
        return pick(List.of("%zz", "=&&=", "a=%C3%28", "a=1&a=2&a=3", "name[]=x", "quantity=%FF", "q=a%00b", "&&&&", "?", "#frag"));
      case 2:
        return "q=" + randomSegment(2000 + random.nextInt(4000));
      default:
        StringBuilder query = new StringBuilder();
        for (int i = random.nextInt(5); i >= 0; i--) {
          query.append(randomSegment(1 + random.nextInt(10))).append('=').append(randomSegment(random.nextInt(20))).append('&');
        }
        return query.toString();
    }
  }

  private List<String> garbageNegotiation() {
    List<String> headers = new ArrayList<>();
    if (chance(60)) {
      headers.add("Accept: " + pick(MEDIA_TYPES));
    }
    if (chance(40)) {
      headers.add("Content-Type: " + pick(MEDIA_TYPES));
    }
    if (chance(30)) {
      headers.add("Accept-Charset: " + pick(CHARSETS));
    }
    if (chance(20)) {
      headers.add("Accept-Encoding: " + pick(List.of("gzip;q=x", "*;q=", ";;", "identity;q=0, *;q=0")));
    }
    if (chance(20)) {
      headers.add("Accept-Language: " + pick(List.of("*-*", ";;", "en;q=1.5", "\u00e9\u00ff")));
    }
    if (headers.isEmpty()) {
      headers.add("Accept: " + pick(MEDIA_TYPES));
    }
    return headers;
  }

  /** One header of 8 to 64 KB, or two hundred headers. */
  private List<String> hugeHeaders() {
    List<String> headers = new ArrayList<>();
    if (chance(50)) {
      String name = pick(List.of("X-Big", "Cookie", "Accept", "User-Agent"));
      headers.add(name + ": " + "a".repeat(8 * 1024 + random.nextInt(56 * 1024)));
    } else {
      for (int i = 0; i < 200; i++) {
        headers.add("X-Many-" + i + ": " + randomToken(40));
      }
    }
    return headers;
  }

  private String absoluteForm(String target) {
    switch (random.nextInt(5)) {
      case 0:
        return "http://evil.example" + target;
      case 1:
        return "HTTP://" + authority + target;
      case 2:
        return "http://user:pw@" + authority + target;
      case 3:
        return pick(List.of("*", authority, "https://" + authority + target, "//" + authority + target));
      default:
        return "http://" + authority + target;
    }
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
