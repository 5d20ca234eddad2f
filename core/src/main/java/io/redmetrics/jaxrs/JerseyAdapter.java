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

  @Override
  public boolean tookChain(ContainerRequestContext request, Object chain) {
    ExtendedUriInfo uriInfo = extended(request.getUriInfo());
    if (uriInfo == null || uriInfo.getMatchedResourceLocators().isEmpty()) {
      return chain == null;
    }
    return chain != null && chain.equals(uriInfo.getMatchedTemplates());
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
   * makes Jersey build an event object for every stage of every request.
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
      RequestState state = lifecycle.begin(context);
      if (context instanceof ContainerRequest) {
        ContainerRequest request = (ContainerRequest) context;
        request.setWriter(new EndingWriter(request.getResponseWriter(), request, state, lifecycle));
      }
    }
  }

  /**
   * Jersey's writer to its container, seen from between: every request ends in {@link #commit}
   * or {@link #failure}, with the status written. It sees what response filters miss: Jersey 3.1
   * hands an exception no application mapper handles to the container, which sends an empty 500
   * at once ({@code failure}), before Jersey runs its default mapper and the response filters; and
   * a response filter that throws ends the same way. The request is recorded before the container
   * is told, so that a client never has its answer before the metrics do.
   */
  private static final class EndingWriter implements ContainerResponseWriter {
    private final ContainerResponseWriter container;
    private final ContainerRequest request;
    private final RequestState state;
    private final RequestLifecycle lifecycle;
    private volatile int status;

    EndingWriter(
        ContainerResponseWriter container,
        ContainerRequest request,
        RequestState state,
        RequestLifecycle lifecycle) {
      this.container = container;
      this.request = request;
      this.state = state;
      this.lifecycle = lifecycle;
    }

    @Override
    public OutputStream writeResponseStatusAndHeaders(long length, ContainerResponse response) {
      status = response.getStatus();
      return container.writeResponseStatusAndHeaders(length, response);
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
      if (state.finished == 0) {
        lifecycle.end(state, request.getUriInfo(), status == 0 ? 500 : status);
      }
      container.commit();
    }

    @Override
    public void failure(Throwable error) {
      if (state.finished == 0) {
        lifecycle.end(state, request.getUriInfo(), 500);
      }
      container.failure(error);
    }

    @Override
    public boolean enableResponseBuffering() {
      return container.enableResponseBuffering();
    }
  }
}
