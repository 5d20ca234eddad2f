package io.redmetrics.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The life of one request, from the first filter that sees it to its end: the one place where
 * the clock starts ({@link #begin}, or the state a runtime's adapter begins with), where the
 * request enters its route and is counted in flight ({@link #enter}), and where it is recorded
 * with the status the client received, exactly once ({@link #finish}). Every path that ends a
 * request calls {@link #end} or {@link #finish}: the response filter, the writer interceptor, and
 * the runtime hooks of {@link RuntimeAdapter}s for the requests response filters never see.
 *
 * <p>Nothing here throws into a request: a failure of the library's own is logged ({@link
 * Failures}) and the request goes on, unrecorded.
 *
 * <p>The clock stops when the response entity has been written (after serialization and {@code
 * StreamingOutput}), or in the response filter when there is no entity. Asynchronous resources
 * reach the response filter only when their response is resumed, so their wait counts.
 */
final class RequestLifecycle {

  private static final AtomicIntegerFieldUpdater<RequestState> FINISHED =
      AtomicIntegerFieldUpdater.newUpdater(RequestState.class, "finished");

  private final RouteResolver routes;

  RequestLifecycle(RouteResolver routes) {
    this.routes = routes;
  }

  RouteResolver routes() {
    return routes;
  }

  /** Starts the clock of a request, and keeps its state in a request property. */
  RequestState begin(ContainerRequestContext request) {
    return begin(request, new RequestState(System.nanoTime(), request.getMethod()));
  }

  /**
   * Keeps the state of a request in a request property: a runtime's adapter that needs more per
   * request makes its state a {@link RequestState} too, one object instead of two.
   */
  <S extends RequestState> S begin(ContainerRequestContext request, S state) {
    request.setProperty(RequestState.PROPERTY, state);
    return state;
  }

  /** Returns the state of a request, {@code null} when this library did not begin it. */
  static RequestState of(Object property) {
    return property instanceof RequestState ? (RequestState) property : null;
  }

  /** Enters a request into the route the runtime matched and counts it in flight there. */
  void enter(RequestState state, RouteResolver.Route route, ContainerRequestContext request) {
    if (state.settled) {
      return;
    }
    RouteSeries series = null;
    try {
      series = routes.entered(request, route, state.sentMethod);
      if (series != null) {
        series.started();
        state.active = true;
      }
    } catch (RuntimeException | LinkageError e) {
      Failures.log("a request could not enter its route", e);
      series = null;
      state.active = false;
    }
    state.series = series;
    state.settled = true;
  }

  /** Dismisses a request that is never recorded (a scrape of the metrics endpoint). */
  void dismiss(RequestState state) {
    FINISHED.set(state, 1);
  }

  /**
   * The response is settled (the last response filter): records the request now, or once its
   * entity has been written.
   */
  void respond(RequestState state, ContainerRequestContext request, int status, boolean entity) {
    if (!state.settled) {
      settle(state, request.getUriInfo()); // not before: CXF makes a new UriInfo on each call
    }
    if (entity) {
      state.deferredStatus = status;
    } else {
      finish(state, status);
    }
  }

  /**
   * Ends a request a runtime hook saw end, with the status the client received; does nothing for
   * a request already recorded.
   */
  void end(RequestState state, UriInfo uriInfo, int status) {
    if (state.finished == 0) {
      settle(state, uriInfo);
      finish(state, status);
    }
  }

  /** Decides which series a request that entered no route is recorded to. */
  private void settle(RequestState state, UriInfo uriInfo) {
    if (!state.settled) {
      try {
        state.series = routes.outside(uriInfo, state.sentMethod);
      } catch (RuntimeException | LinkageError e) {
        Failures.log("the route of a request could not be resolved", e);
      }
      state.settled = true;
    }
  }

  /** Records the request with {@code status}, once; later calls do nothing. */
  private void finish(RequestState state, int status) {
    long endNanos = System.nanoTime();
    if (!FINISHED.compareAndSet(state, 0, 1)) {
      return;
    }
    RouteSeries series = state.series;
    if (series != null) {
      try {
        if (state.active) {
          series.ended();
        }
        series.completed(status, (endNanos - state.startNanos) / 1e9);
      } catch (RuntimeException | LinkageError e) {
        Failures.log("a request could not be recorded", e);
      }
    }
  }

  /**
   * Starts the clock: the earliest point at which a portable provider sees a request. Its
   * priority puts it before the other pre-matching filters, so that their time is counted too.
   */
  @PreMatching
  @Priority(Priorities.FIRST)
  static final class Start implements ContainerRequestFilter {
    private final RequestLifecycle lifecycle;

    Start(RequestLifecycle lifecycle) {
      this.lifecycle = lifecycle;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      lifecycle.begin(request);
    }
  }

  /**
   * Stops the clock once the client has its response. Response filters run from the highest
   * priority to the lowest, so this one runs last and sees the status other filters settled on; as
   * a writer interceptor it is the outermost one, so its time includes the others. Being last, it
   * also has the last word on a scrape of the metrics endpoint ({@link MetricsResource#keep}).
   *
   * <p>Where the runtime's own hook sees every end ({@link RuntimeAdapter#seesEveryEnd}, Jersey),
   * only the writer interceptor is registered: nothing is deferred to it then, and it tells the
   * request's state how the entity ended ({@link RequestState#entityEnded}).
   */
  @Priority(Priorities.FIRST)
  static final class End implements ContainerResponseFilter, WriterInterceptor {
    private final RequestLifecycle lifecycle;

    End(RequestLifecycle lifecycle) {
      this.lifecycle = lifecycle;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      RequestState state = of(request.getProperty(RequestState.PROPERTY));
      if (state != null && state.scrape != null) {
        MetricsResource.keep(state.scrape, response);
      } else if (state != null && state.finished == 0) {
        int status = response.getStatus();
        // HEAD too: runtimes serialise its entity (and may fail doing so) before dropping it. A
        // 204 or 304 has no body in HTTP, so a runtime may never write the entity it was given.
        boolean body = response.hasEntity() && status != 204 && status != 304;
        lifecycle.respond(state, request, status, body);
      }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
      RequestState state = of(context.getProperty(RequestState.PROPERTY));
      if (state != null && state.scrape != null && MetricsResource.write(state.scrape, context)) {
        return;
      }
      if (state == null || state.finished != 0) {
        context.proceed();
        return;
      }
      int failed = 0;
      try {
        context.proceed();
      } catch (WebApplicationException e) {
        failed = e.getResponse().getStatus();
        throw e;
      } catch (RuntimeException | Error e) {
        failed = failedWriting(e) ? 0 : 500;
        throw e;
      } finally {
        int deferred = state.deferredStatus;
        if (deferred != 0) {
          lifecycle.finish(state, failed != 0 ? failed : deferred);
        } else {
          state.entityEnded(failed);
        }
      }
    }
  }

  /**
   * Whether the entity could not be written because the connection failed (Jersey wraps the
   * {@code IOException}): the client went away with the status line already sent, and a client
   * leaving is no server error. An {@code IOException} itself is that case too.
   */
  static boolean failedWriting(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
