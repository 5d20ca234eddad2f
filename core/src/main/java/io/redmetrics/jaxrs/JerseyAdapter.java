package io.redmetrics.jaxrs;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.glassfish.jersey.message.internal.HeaderValueException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.internal.process.MappableException;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * The adapter of Jersey: its request events start the clock and see requests response filters
 * miss, and {@code ExtendedUriInfo} holds the whole chain of templates a request matched, through
 * sub-resource locators, last match first. Loaded only when the application runs on Jersey; it
 * lives in this package so that the library's internals need not become public.
 */
final class JerseyAdapter implements RuntimeAdapter {

  @Override
  public void install(FeatureContext context, RequestLifecycle lifecycle) {
    context.register(new Events(lifecycle));
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
   * Starts the clock of each request at Jersey's {@code START} event, and ends the requests that
   * Jersey answers without response filters.
   *
   * <p>Jersey 3.1 hands an exception that no application {@code ExceptionMapper} maps to the
   * container, which sends an empty 500 at once; only then does Jersey run its default mapper and
   * the response filters, after the client may already have scraped. So such a request ends as 500
   * as soon as it throws ({@code ON_EXCEPTION}). {@code FINISHED} ends whatever else was missed,
   * such as a response filter that throws.
   */
  static final class Events implements ApplicationEventListener {

    /** Jersey's fallback mapper: a throwable only it maps goes to the container. */
    private static final String JERSEY_DEFAULT_MAPPER =
        "org.glassfish.jersey.server.DefaultExceptionMapper";

    private final RequestLifecycle lifecycle;

    /** Injected by Jersey, which, unlike some runtimes, injects provider instances too. */
    @Context private Providers providers;

    Events(RequestLifecycle lifecycle) {
      this.lifecycle = lifecycle;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
      // Only request events matter.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
      ContainerRequest request = start.getContainerRequest();
      RequestState state = lifecycle.begin(request.getMethod());
      request.setProperty(RequestState.PROPERTY, state);
      return new OneRequest(state);
    }

    /**
     * Whether Jersey 3.1 passes {@code thrown} to the container (an empty 500), following its
     * {@code ServerRuntime.mapException}: not a {@code WebApplicationException}, not mapped by an
     * application mapper, and not a malformed request header, which Jersey answers with 400
     * ({@code HeaderValueException} is internal: no public API tells the same).
     */
    private boolean goesToContainer(Throwable thrown) {
      Throwable cause = thrown;
      // Jersey wraps what resources and providers throw in its internal MappableException; no
      // public API unwraps it.
      while (cause instanceof MappableException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof WebApplicationException
          || (cause instanceof HeaderValueException
              && ((HeaderValueException) cause).getContext()
                  == HeaderValueException.Context.INBOUND)
          || providers == null) {
        return false;
      }
      ExceptionMapper<?> mapper = providers.getExceptionMapper(cause.getClass());
      return mapper == null || mapper.getClass().getName().equals(JERSEY_DEFAULT_MAPPER);
    }

    /**
     * The events of one request. It holds the request's state itself: after an asynchronous
     * response, Grizzly recycles the request before {@code FINISHED}, and its properties are gone.
     */
    private final class OneRequest implements RequestEventListener {
      private final RequestState state;

      OneRequest(RequestState state) {
        this.state = state;
      }

      @Override
      public void onEvent(RequestEvent event) {
        if (state.finished != 0) {
          return;
        }
        RequestEvent.Type type = event.getType();
        try {
          if (type == RequestEvent.Type.ON_EXCEPTION
              && event.getExceptionCause() == RequestEvent.ExceptionCause.ORIGINAL
              && goesToContainer(event.getException())) {
            lifecycle.end(state, event.getContainerRequest().getUriInfo(), 500);
          } else if (type == RequestEvent.Type.FINISHED) {
            ContainerResponse response = event.getContainerResponse();
            int status = response != null && event.isSuccess() ? response.getStatus() : 500;
            lifecycle.end(state, event.getContainerRequest().getUriInfo(), status);
          }
        } catch (RuntimeException | LinkageError e) {
          Failures.log("Jersey's " + type + " event could not end a request", e);
        }
      }
    }
  }
}
