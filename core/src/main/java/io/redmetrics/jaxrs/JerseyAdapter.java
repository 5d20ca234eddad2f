package io.redmetrics.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
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

  /** Registers the completion hook that records what response filters do not see. */
  static void registerCompletion(FeatureContext context, Routes routes) {
    context.register(new Completion(routes));
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
    public String template(Object chain) {
      List<String> outermostFirst = new ArrayList<>();
      for (Object template : (List<?>) chain) {
        outermostFirst.add(((UriTemplate) template).getTemplate());
      }
      Collections.reverse(outermostFirst);
      return RouteTemplate.join(outermostFirst);
    }
  }

  /**
   * Jersey 3.1 runs no response filter when a resource throws an exception that no {@code
   * ExceptionMapper} maps: the client gets an empty 500. Its {@code FINISHED} event still comes,
   * so the request is recorded there when nothing recorded it before.
   */
  static final class Completion implements ApplicationEventListener, RequestEventListener {
    private final Routes routes;

    Completion(Routes routes) {
      this.routes = routes;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
      // Only request events matter.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent event) {
      return this;
    }

    @Override
    public void onEvent(RequestEvent event) {
      if (event.getType() != RequestEvent.Type.FINISHED) {
        return;
      }
      ContainerRequest request = event.getContainerRequest();
      InFlightRequest inFlight = InFlightRequest.of(request);
      if (inFlight == null) {
        return;
      }
      if (!inFlight.isRouted()) {
        inFlight.endOutside(routes.outsideRoute(request, inFlight.method()));
      }
      ContainerResponse response = event.getContainerResponse();
      int deferred = inFlight.deferredStatus();
      inFlight.complete(
          deferred != 0 ? deferred : response != null && event.isSuccess() ? response.getStatus() : 500);
    }
  }
}
