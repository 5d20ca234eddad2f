package io.redmetrics.jaxrs;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One {@code GET} matched to a resource method, as a portable Jakarta REST runtime (RESTEasy, CXF,
 * Open Liberty) presents it to providers: the {@linkplain #request request context} with its
 * properties and {@link UriInfo}, the {@linkplain #response response context} (status 200, with
 * or without an entity), and the {@linkplain #writer writer interceptor context}, whose {@code
 * proceed()} writes the entity's bytes to a reused sink, as the runtime's message body writer
 * would. One exchange serves every request of a trial: {@link #next} makes it the next one.
 *
 * <p>The request properties are one map, shared by the request and the writer interceptor context
 * as runtimes share them. {@link #next} clears it, or with {@code freshProperties} replaces it by a
 * new {@code HashMap} as a runtime makes one per request: cleared, the map and its table are
 * allocated once, so a request pays for what its providers put in it (the entry per property);
 * fresh, it also pays for the map, and for the table the first property allocates.
 *
 * <p>It answers what a runtime knows of such a request and nothing more: every other method throws
 * {@link UnsupportedOperationException}, so that a change of the library that starts calling one
 * fails the benchmark loudly instead of measuring nothing.
 */
final class FakeExchange {

  /** The base URI of the application. */
  static final URI BASE = URI.create("http://127.0.0.1:8080/");

  /** The request, as request filters and response filters see it. */
  final ContainerRequestContext request = new RequestContext();

  /** The response, as response filters see it. */
  final ContainerResponseContext response = new ResponseContext();

  /** The entity's write, as writer interceptors see it. */
  final WriterInterceptorContext writer = new WriterContext();

  private final UriInfo uriInfo = new Uri();
  private final List<Object> matchedResources;
  private final String[] paths;
  private final URI[] uris;
  /** Per request, the entity the resource method returned; {@code null}: none. */
  private final String[] entities;
  private final byte[][] bodies;
  private final boolean freshProperties;
  private final Sink sink = new Sink();

  private Map<String, Object> properties = new HashMap<>();
  private int id;

  /**
   * @param resource the resource instance the runtime matched, the only one (no locators)
   * @param paths the request paths below {@link #BASE}, as many as a power of two: requests take
   *     them in turn
   * @param entities the entity of the request on each path, or {@code null} for none
   * @param freshProperties a new map of request properties per request, rather than one cleared
   */
  FakeExchange(Object resource, String[] paths, String[] entities, boolean freshProperties) {
    if (Integer.bitCount(paths.length) != 1 || paths.length != entities.length) {
      throw new IllegalArgumentException("paths: a power of two, as many as entities");
    }
    this.matchedResources = List.of(resource);
    this.paths = paths.clone();
    this.entities = entities.clone();
    this.freshProperties = freshProperties;
    this.uris = new URI[paths.length];
    this.bodies = new byte[paths.length][];
    for (int i = 0; i < paths.length; i++) {
      uris[i] = BASE.resolve(paths[i]);
      bodies[i] = entities[i] == null ? null : entities[i].getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Makes this exchange request number {@code sequence}: its path, no properties yet. */
  void next(long sequence) {
    id = (int) sequence & (paths.length - 1);
    if (freshProperties) {
      properties = new HashMap<>();
    } else {
      properties.clear();
    }
  }

  /** The bytes written by the entity's writes so far. */
  long written() {
    return sink.count;
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(
        "not presented by FakeExchange: the library started calling it; extend the fake");
  }

  /** Where the runtime writes entities: counts, keeps nothing. */
  private static final class Sink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** The request: {@code GET}, its properties and its {@link UriInfo}. */
  private final class RequestContext implements ContainerRequestContext {
    @Override
    public Object getProperty(String name) {
      return properties.get(name);
    }

    @Override
    public Collection<String> getPropertyNames() {
      return properties.keySet();
    }

    @Override
    public void setProperty(String name, Object object) {
      if (object == null) {
        properties.remove(name);
      } else {
        properties.put(name, object);
      }
    }

    @Override
    public void removeProperty(String name) {
      properties.remove(name);
    }

    @Override
    public UriInfo getUriInfo() {
      return uriInfo;
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public void setRequestUri(URI requestUri) {
      throw unsupported();
    }

    @Override
    public void setRequestUri(URI baseUri, URI requestUri) {
      throw unsupported();
    }

    @Override
    public Request getRequest() {
      throw unsupported();
    }

    @Override
    public void setMethod(String method) {
      throw unsupported();
    }

    @Override
    public MultivaluedMap<String, String> getHeaders() {
      throw unsupported();
    }

    @Override
    public String getHeaderString(String name) {
      throw unsupported();
    }

    @Override
    public Date getDate() {
      throw unsupported();
    }

    @Override
    public Locale getLanguage() {
      throw unsupported();
    }

    @Override
    public int getLength() {
      throw unsupported();
    }

    @Override
    public MediaType getMediaType() {
      throw unsupported();
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
      throw unsupported();
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
      throw unsupported();
    }

    @Override
    public Map<String, Cookie> getCookies() {
      throw unsupported();
    }

    @Override
    public boolean hasEntity() {
      throw unsupported();
    }

    @Override
    public InputStream getEntityStream() {
      throw unsupported();
    }

    @Override
    public void setEntityStream(InputStream input) {
      throw unsupported();
    }

    @Override
    public SecurityContext getSecurityContext() {
      throw unsupported();
    }

    @Override
    public void setSecurityContext(SecurityContext context) {
      throw unsupported();
    }

    @Override
    public void abortWith(Response response) {
      throw unsupported();
    }
  }

  /** What the runtime matched: the path, the URIs, the one resource. */
  private final class Uri implements UriInfo {
    @Override
    public String getPath() {
      return paths[id];
    }

    @Override
    public String getPath(boolean decode) {
      return paths[id]; // nothing percent-encoded in these paths
    }

    @Override
    public URI getRequestUri() {
      return uris[id];
    }

    @Override
    public URI getBaseUri() {
      return BASE;
    }

    @Override
    public List<Object> getMatchedResources() {
      return matchedResources;
    }

    @Override
    public List<PathSegment> getPathSegments() {
      throw unsupported();
    }

    @Override
    public List<PathSegment> getPathSegments(boolean decode) {
      throw unsupported();
    }

    @Override
    public UriBuilder getRequestUriBuilder() {
      throw unsupported();
    }

    @Override
    public URI getAbsolutePath() {
      throw unsupported();
    }

    @Override
    public UriBuilder getAbsolutePathBuilder() {
      throw unsupported();
    }

    @Override
    public UriBuilder getBaseUriBuilder() {
      throw unsupported();
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters() {
      throw unsupported();
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters(boolean decode) {
      throw unsupported();
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters() {
      throw unsupported();
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
      throw unsupported();
    }

    @Override
    public List<String> getMatchedURIs() {
      throw unsupported();
    }

    @Override
    public List<String> getMatchedURIs(boolean decode) {
      throw unsupported();
    }

    @Override
    public URI resolve(URI uri) {
      throw unsupported();
    }

    @Override
    public URI relativize(URI uri) {
      throw unsupported();
    }
  }

  /** The response: 200, with the request's entity or none. */
  private final class ResponseContext implements ContainerResponseContext {
    @Override
    public int getStatus() {
      return 200;
    }

    @Override
    public Response.StatusType getStatusInfo() {
      return Response.Status.OK;
    }

    @Override
    public boolean hasEntity() {
      return entities[id] != null;
    }

    @Override
    public Object getEntity() {
      return entities[id];
    }

    @Override
    public void setStatus(int code) {
      throw unsupported();
    }

    @Override
    public void setStatusInfo(Response.StatusType statusInfo) {
      throw unsupported();
    }

    @Override
    public MultivaluedMap<String, Object> getHeaders() {
      throw unsupported();
    }

    @Override
    public MultivaluedMap<String, String> getStringHeaders() {
      throw unsupported();
    }

    @Override
    public String getHeaderString(String name) {
      throw unsupported();
    }

    @Override
    public Set<String> getAllowedMethods() {
      throw unsupported();
    }

    @Override
    public Date getDate() {
      throw unsupported();
    }

    @Override
    public Locale getLanguage() {
      throw unsupported();
    }

    @Override
    public int getLength() {
      throw unsupported();
    }

    @Override
    public MediaType getMediaType() {
      throw unsupported();
    }

    @Override
    public Map<String, NewCookie> getCookies() {
      throw unsupported();
    }

    @Override
    public EntityTag getEntityTag() {
      throw unsupported();
    }

    @Override
    public Date getLastModified() {
      throw unsupported();
    }

    @Override
    public URI getLocation() {
      throw unsupported();
    }

    @Override
    public Set<Link> getLinks() {
      throw unsupported();
    }

    @Override
    public boolean hasLink(String relation) {
      throw unsupported();
    }

    @Override
    public Link getLink(String relation) {
      throw unsupported();
    }

    @Override
    public Link.Builder getLinkBuilder(String relation) {
      throw unsupported();
    }

    @Override
    public Class<?> getEntityClass() {
      throw unsupported();
    }

    @Override
    public Type getEntityType() {
      throw unsupported();
    }

    @Override
    public void setEntity(Object entity) {
      throw unsupported();
    }

    @Override
    public void setEntity(Object entity, Annotation[] annotations, MediaType mediaType) {
      throw unsupported();
    }

    @Override
    public Annotation[] getEntityAnnotations() {
      throw unsupported();
    }

    @Override
    public OutputStream getEntityStream() {
      throw unsupported();
    }

    @Override
    public void setEntityStream(OutputStream outputStream) {
      throw unsupported();
    }
  }

  /** The entity's write: {@code proceed()} writes its bytes to the sink. */
  private final class WriterContext implements WriterInterceptorContext {
    @Override
    public void proceed() {
      byte[] body = bodies[id];
      sink.write(body, 0, body.length);
    }

    @Override
    public Object getEntity() {
      return entities[id];
    }

    @Override
    public OutputStream getOutputStream() {
      return sink;
    }

    @Override
    public Object getProperty(String name) {
      return properties.get(name);
    }

    @Override
    public Collection<String> getPropertyNames() {
      return properties.keySet();
    }

    @Override
    public void setProperty(String name, Object object) {
      request.setProperty(name, object);
    }

    @Override
    public void removeProperty(String name) {
      properties.remove(name);
    }

    @Override
    public void setEntity(Object entity) {
      throw unsupported();
    }

    @Override
    public void setOutputStream(OutputStream os) {
      throw unsupported();
    }

    @Override
    public MultivaluedMap<String, Object> getHeaders() {
      throw unsupported();
    }

    @Override
    public Annotation[] getAnnotations() {
      throw unsupported();
    }

    @Override
    public void setAnnotations(Annotation[] annotations) {
      throw unsupported();
    }

    @Override
    public Class<?> getType() {
      throw unsupported();
    }

    @Override
    public void setType(Class<?> type) {
      throw unsupported();
    }

    @Override
    public Type getGenericType() {
      throw unsupported();
    }

    @Override
    public void setGenericType(Type genericType) {
      throw unsupported();
    }

    @Override
    public MediaType getMediaType() {
      throw unsupported();
    }

    @Override
    public void setMediaType(MediaType mediaType) {
      throw unsupported();
    }
  }
}
