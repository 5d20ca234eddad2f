package io.redmetrics.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * What Jersey adds to the portable path. Loaded only when the application runs on Jersey (see
 * {@link RuntimeAdapters}); it lives in this package, rather than a sub-package, so that the
 * library's internals need not become public.
 */
final class JerseyAdapter {

  private JerseyAdapter() {}

  /** Returns the source of whole template chains. */
  static TemplateSource templates() {
    return new Templates();
  }

  /**
   * Registers Jersey's request events in place of the portable start filter: they start the
   * clock earlier, and record what response filters do not see.
   */
  static void registerEvents(FeatureContext context, Routes routes) {
    context.register(new Events(routes));
  }

  /**
   * {@code ExtendedUriInfo.getMatchedTemplates()} holds the whole chain of a request, through
   * sub-resource locators, last match first; the portable {@code ResourceInfo} only has the last
   * class and method.
   */
  static final class Templates implements TemplateSource {
    @Override
    public Object chain(ContainerRequestContext request) {
      UriInfo uriInfo = request.getUriInfo();
      if (!(uriInfo instanceof ExtendedUriInfo)) {
        return null;
      }
      ExtendedUriInfo extended = (ExtendedUriInfo) uriInfo;
      return extended.getMatchedResourceMethod() == null ? null : extended.getMatchedTemplates();
    }

    @Override
    public Object answeredChain(ContainerRequestContext request) {
      return chain(request);
    }

    /** Jersey's chain already ends with the method's own template. */
    @Override
    public String template(Object chain, String methodTemplate) {
      List<String> outermostFirst = new ArrayList<>();
      for (Object template : (List<?>) chain) {
        outermostFirst.add(((UriTemplate) template).getTemplate());
      }
      Collections.reverse(outermostFirst);
      return RouteTemplate.join(outermostFirst);
    }
  }

  /**
   * Starts the clock of each request at Jersey's {@code START} event, and records the requests
   * that Jersey answers without response filters.
   *
   * <p>Jersey 3.1 hands an exception that no application {@code ExceptionMapper} maps to the
   * container, which sends an empty 500 at once; only then does Jersey run its default mapper and
   * the response filters, after the client may already have scraped. So such a request is recorded
   * as 500 as soon as it throws ({@code ON_EXCEPTION}). {@code FINISHED} records whatever else was
   * missed, such as a response filter that throws.
   */
  static final class Events implements ApplicationEventListener {

    /** Jersey's fallback mapper: a throwable only it maps goes to the container. */
    private static final String JERSEY_DEFAULT_MAPPER =
        "org.glassfish.jersey.server.DefaultExceptionMapper";

    private final Routes routes;

    /** Injected by Jersey, which, unlike some runtimes, injects provider instances too. */
    @Context private Providers providers;

    Events(Routes routes) {
      this.routes = routes;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
      // Only request events matter.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
      ContainerRequest request = start.getContainerRequest();
      InFlightRequest inFlight = new InFlightRequest(System.nanoTime(), request.getMethod());
      request.setProperty(InFlightRequest.PROPERTY, inFlight);
      return new OneRequest(inFlight);
    }

    private boolean goesToContainer(Throwable thrown) {
      Throwable cause = thrown;
      while (cause instanceof MappableException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof WebApplicationException || providers == null) {
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
      private final InFlightRequest inFlight;

      OneRequest(InFlightRequest inFlight) {
        this.inFlight = inFlight;
      }

      @Override
      public void onEvent(RequestEvent event) {
        if (inFlight.isCompleted()) {
          return;
        }
        RequestEvent.Type type = event.getType();
        if (type == RequestEvent.Type.ON_EXCEPTION
            && event.getExceptionCause() == RequestEvent.ExceptionCause.ORIGINAL
            && goesToContainer(event.getException())) {
          complete(event, 500);
        } else if (type == RequestEvent.Type.FINISHED) {
          ContainerResponse response = event.getContainerResponse();
          complete(event, response != null && event.isSuccess() ? response.getStatus() : 500);
        }
      }

      private void complete(RequestEvent event, int status) {
        routes.bindOutside(inFlight, event.getContainerRequest());
        inFlight.complete(status);
      }
    }
  }
}
