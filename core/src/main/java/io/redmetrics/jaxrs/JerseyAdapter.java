package io.redmetrics.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * The adapter of Jersey: the writer between Jersey and its container sees the end of every
 * request, those response filters miss included, and {@code ExtendedUriInfo} holds the whole chain
 * of templates a request matched, through sub-resource locators, last match first. Loaded only when the application runs on Jersey; it
 * lives in this package so that the library's internals need not become public.
 */
final class JerseyAdapter implements RuntimeAdapter {

  @Override
  public void install(FeatureContext context, RequestLifecycle lifecycle) {
    context.register(new Start(lifecycle));
  }

  /** Jersey keeps the request URI as the container gave it; its decoded path is a substring. */
  @Override
  public boolean keepsRawPath() {
    return true;
  }

  /** The {@link EndingWriter} sees the final status and the end of every request. */
  @Override
  public boolean seesEveryEnd() {
    return true;
  }

  /** Jersey tells its container lifecycle listeners when the application stops. */
  @Override
  public void onStop(FeatureContext context, Runnable stop) {
    context.register(new Stopping(stop));
  }

  /** Runs what must end with the application when Jersey shuts it down. */
  static final class Stopping implements ContainerLifecycleListener {
    private final Runnable stop;

    Stopping(Runnable stop) {
      this.stop = stop;
    }

    @Override
    public void onStartup(Container container) {}

    @Override
    public void onReload(Container container) {}

    @Override
    public void onShutdown(Container container) {
      stop.run();
    }
  }

  // Jersey 3.1 adds its WADL resource (GET /application.wadl, /application.wadl/{path}) to every
  // application when JAXB is present, as on Payara Server 6.
  @Override
  public boolean ownsResource(Class<?> resourceClass) {
    return resourceClass.getName().startsWith("org.glassfish.jersey.server.wadl.");
  }

  /** The chain of a request through locators: the templates it matched (their own equality). */
  @Override
  public Object locatorChain(ContainerRequestContext request) {
    ExtendedUriInfo uriInfo = extended(request.getUriInfo());
    return uriInfo == null || uriInfo.getMatchedResourceLocators().isEmpty()
        ? null
        : new ArrayList<>(uriInfo.getMatchedTemplates());
  }

  /**
   * Compares by index: {@code List.equals} would walk Jersey's templates (a {@code LinkedList}
   * behind an unmodifiable view) with an iterator, an object per request on a locator chain.
   */
  @Override
  public boolean tookChain(ContainerRequestContext request, Object chain) {
    ExtendedUriInfo uriInfo = extended(request.getUriInfo());
    if (uriInfo == null || uriInfo.getMatchedResourceLocators().isEmpty()) {
      return chain == null;
    }
    if (chain == null) {
      return false;
    }
    List<?> taken = (List<?>) chain;
    List<UriTemplate> matched = uriInfo.getMatchedTemplates();
    int size = taken.size();
    if (matched.size() != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      Object template = matched.get(i);
      if (template != taken.get(i) && !template.equals(taken.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A resource method Jersey answered by itself ({@code OPTIONS}), or the locators matched before
   * one failed.
   */
  @Override
  public Object matchedSoFar(UriInfo request) {
    ExtendedUriInfo uriInfo = extended(request);
    if (uriInfo == null
        || (uriInfo.getMatchedResourceMethod() == null
            && uriInfo.getMatchedResourceLocators().isEmpty())) {
      return null;
    }
    return new ArrayList<>(uriInfo.getMatchedTemplates());
  }

  /** Jersey's chain already ends with the method's own template. */
  @Override
  public String template(Object chain, String ownPath) {
    List<String> outermostFirst = new ArrayList<>();
    for (Object template : (List<?>) chain) {
      outermostFirst.add(((UriTemplate) template).getTemplate());
    }
    Collections.reverse(outermostFirst);
    return RouteTemplate.join(outermostFirst);
  }

  private static ExtendedUriInfo extended(UriInfo uriInfo) {
    return uriInfo instanceof ExtendedUriInfo ? (ExtendedUriInfo) uriInfo : null;
  }

  /**
   * Starts the clock in the first pre-matching filter, as on any runtime, and puts a {@link
   * EndingWriter} between Jersey and its container. Not a request event listener: one per request
   * makes Jersey build an event object for every stage of every request. Jersey hands filters its
   * {@code ContainerRequest} itself; any other context would be no request of Jersey's.
   */
  @PreMatching
  @Priority(Priorities.FIRST)
  static final class Start implements ContainerRequestFilter {
    private final RequestLifecycle lifecycle;

    Start(RequestLifecycle lifecycle) {
      this.lifecycle = lifecycle;
    }

    @Override
    public void filter(ContainerRequestContext context) {
      long startNanos = System.nanoTime();
      if (context instanceof ContainerRequest) {
        ContainerRequest request = (ContainerRequest) context;
        EndingWriter state =
            new EndingWriter(startNanos, request.getResponseWriter(), request, lifecycle);
        lifecycle.begin(request, state);
        request.setWriter(state);
      }
    }
  }

  /**
   * Jersey's writer to its container, seen from between: it sees the status after the response
   * filters and every request end, so on Jersey it records every request, and the library needs no
   * response filter of its own (one costs a stage of providers per request). It sees what
   * response filters would miss too: Jersey 3.1 hands an exception no application mapper handles
   * to the container, which sends an empty 500 at once ({@link #failure}); and a response filter
   * that throws ends the same way. It is the request's state too: one object per request.
   *
   * <p>A request is recorded before its response leaves, so that a client never has its answer
   * before the metrics do: Jersey buffers an entity and writes the status line once the entity is
   * complete ({@link #writeResponseStatusAndHeaders} with its length), unless the entity outgrows
   * the buffer; then the status line goes first (length -1) and the writer interceptor tells this
   * writer when the entity has ended ({@link #entityEnded}), before Jersey closes the stream. An
   * entity that fails after the status line is out, Jersey only logs; before that, it answers the
   * failure with a response of its own, written here like any other. {@link #commit} comes after
   * the container has sent everything: it records only what nothing recorded before.
   */
  private static final class EndingWriter extends RequestState implements ContainerResponseWriter {
    private final ContainerResponseWriter container;
    private final ContainerRequest request;
    private final RequestLifecycle lifecycle;
    /** The status line written; 0 until then. */
    private volatile int status;

    EndingWriter(
        long startNanos,
        ContainerResponseWriter container,
        ContainerRequest request,
        RequestLifecycle lifecycle) {
      super(startNanos, request.getMethod());
      this.container = container;
      this.request = request;
      this.lifecycle = lifecycle;
    }

    @Override
    public OutputStream writeResponseStatusAndHeaders(long length, ContainerResponse response) {
      MetricsResource.Answer answer = scrape;
      if (answer != null) {
        MetricsResource.keep(answer, response);
      }
      int written = response.getStatus();
      status = written;
      if (length != -1 && finished == 0) {
        lifecycle.end(this, request.getUriInfo(), written); // the entity, if any, is complete
      }
      return container.writeResponseStatusAndHeaders(length, response);
    }

    @Override
    void entityEnded(int failedStatus) {
      int written = status;
      if (written != 0 && finished == 0) {
        lifecycle.end(this, request.getUriInfo(), failedStatus != 0 ? failedStatus : written);
      }
    }

    @Override
    public boolean suspend(long timeOut, TimeUnit unit, TimeoutHandler handler) {
      return container.suspend(timeOut, unit, handler);
    }

    @Override
    public void setSuspendTimeout(long timeOut, TimeUnit unit) {
      container.setSuspendTimeout(timeOut, unit);
    }

    @Override
    public void commit() {
      if (finished == 0) {
        int written = status;
        lifecycle.end(this, request.getUriInfo(), written == 0 ? 500 : written);
      }
      container.commit();
    }

    @Override
    public void failure(Throwable error) {
      if (finished == 0) {
        lifecycle.end(this, request.getUriInfo(), failureStatus(error));
      }
      container.failure(error);
    }

    /** A 500, unless the status line is out to a client that went away: then the status sent. */
    private int failureStatus(Throwable error) {
      int written = status;
      return written != 0 && RequestLifecycle.failedWriting(error) ? written : 500;
    }

    @Override
    public boolean enableResponseBuffering() {
      return container.enableResponseBuffering();
    }
  }
}
