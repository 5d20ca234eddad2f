package io.redmetrics.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * Starts and stops the clock of every request. The clock starts in the first pre-matching filter
 * and stops when the response entity has been written (after serialization and {@code
 * StreamingOutput}), or in the response filter when there is no entity to write. Asynchronous
 * resources reach the response filter only when their response is resumed, so their wait counts.
 */
final class RequestRecorder {

  private RequestRecorder() {}

  /**
   * Starts the clock; the earliest point at which a portable provider sees a request. Its
   * priority puts it before the other pre-matching filters, so that their time is counted too.
   */
  @PreMatching
  @Priority(Priorities.FIRST)
  static final class Start implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
      InFlightRequest inFlight = new InFlightRequest(System.nanoTime(), request.getMethod());
      request.setProperty(InFlightRequest.PROPERTY, inFlight);
    }
  }

  /**
   * Stops the clock once the client has its response. Response filters run from the highest
   * priority to the lowest, so this one runs last and sees the status other filters settled on; as
   * a writer interceptor it is the outermost one, so its time includes the others.
   */
  @Priority(Priorities.FIRST)
  static final class End implements ContainerResponseFilter, WriterInterceptor {

    private final Routes routes;

    End(Routes routes) {
      this.routes = routes;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      InFlightRequest inFlight = InFlightRequest.of(request);
      if (inFlight == null) {
        return;
      }
      routes.bindOutside(inFlight, request);
      if (response.hasEntity() && !inFlight.method().equals("HEAD")) {
        inFlight.defer(response.getStatus());
      } else {
        inFlight.complete(response.getStatus());
      }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
      Object property = context.getProperty(InFlightRequest.PROPERTY);
      InFlightRequest inFlight =
          property instanceof InFlightRequest ? (InFlightRequest) property : null;
      if (inFlight == null || inFlight.deferredStatus() == 0) {
        context.proceed();
        return;
      }
      int status = 500;
      try {
        context.proceed();
        status = inFlight.deferredStatus();
      } catch (WebApplicationException e) {
        status = e.getResponse().getStatus();
        throw e;
      } finally {
        inFlight.complete(status);
      }
    }
  }
}
