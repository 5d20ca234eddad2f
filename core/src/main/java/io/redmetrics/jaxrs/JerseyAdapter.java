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
   * Jersey's writer to its container, seen from between: every request ends in {@link #commit}
   * or {@link #failure}, with the status written, after the response filters and the entity. So
   * on Jersey it records every request, and the library needs no response filter of its own (one
   * costs a stage of providers per request). It sees what response filters would miss too: Jersey
   * 3.1 hands an exception no application mapper handles to the container, which sends an empty
   * 500 at once ({@code failure}); and a response filter that throws ends the same way. An entity
   * that fails once the status line is out, Jersey only logs before it commits: the writer
   * interceptor tells this writer ({@link #entityFailed}). The request is recorded before the
   * container is told, so that a client never has its answer before the metrics do. It is the
   * request's state too: one object per request rather than two.
   */
  private static final class EndingWriter extends RequestState implements ContainerResponseWriter {
    private final ContainerResponseWriter container;
    private final ContainerRequest request;
    private final RequestLifecycle lifecycle;
    /** The status line written; 0 until then. */
    private volatile int status;

    /** What to record instead, for an entity that failed after the status line was written. */
    private volatile int failedStatus;

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
      status = response.getStatus();
      return container.writeResponseStatusAndHeaders(length, response);
    }

    /**
     * Only once the status line is out: before that, Jersey answers the failure with a response
     * of its own, whose status this writer then sees.
     */
    @Override
    void entityFailed(int status) {
      if (this.status != 0) {
        failedStatus = status;
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
        int failed = failedStatus;
        lifecycle.end(this, request.getUriInfo(), failed != 0 ? failed : status == 0 ? 500 : status);
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

    /**
     * A 500, unless the status line is out: then what the entity's failure settled, or, for a
     * client that went away, the status it was sent.
     */
    private int failureStatus(Throwable error) {
      if (failedStatus != 0) {
        return failedStatus;
      }
      return status != 0 && RequestLifecycle.failedWriting(error) ? status : 500;
    }

    @Override
    public boolean enableResponseBuffering() {
      return container.enableResponseBuffering();
    }
  }
}
