package io.redmetrics.jaxrs;

import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * The adapter of RESTEasy served by Undertow ({@code SeBootstrap} with resteasy-undertow,
 * WildFly): the portable path, plus Undertow's end of the exchange, which reports the status it
 * sent after everything else, so it sees the requests response filters miss (an application
 * response filter that throws; RESTEasy lets the container answer 500). Loaded only when
 * Undertow's servlet classes are visible to the library.
 */
final class UndertowAdapter extends PortableAdapter {

  /** Whether Undertow's servlet request context is visible from the library's class loader. */
  static boolean isVisible() {
    try {
      Class.forName(
          "io.undertow.servlet.handlers.ServletRequestContext",
          false,
          UndertowAdapter.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private final BasePathMemo basePaths = new BasePathMemo();

  @Override
  public void install(FeatureContext context, RequestLifecycle lifecycle) {
    super.install(context, lifecycle);
    context.register(new HookInstaller(new ExchangeEnd(lifecycle)));
  }

  /**
   * RESTEasy parses a new base URI on each call; its path follows from the servlet's context path
   * and the path it was mapped by (with RESTEasy's prefix, fixed per deployment), which Undertow
   * keeps per request.
   */
  @Override
  public String rawBasePath(UriInfo uriInfo) {
    ServletRequestContext current = ServletRequestContext.current();
    ServletRequest request = current == null ? null : current.getServletRequest();
    if (!(request instanceof HttpServletRequest)) {
      return basePaths.rawBasePath(null, null, uriInfo);
    }
    HttpServletRequest servletRequest = (HttpServletRequest) request;
    return basePaths.rawBasePath(
        servletRequest.getContextPath(), servletRequest.getServletPath(), uriInfo);
  }

  /** Adds the shared end-of-exchange listener to the exchange of every request. */
  @PreMatching
  @Priority(Priorities.FIRST + 1)
  static final class HookInstaller implements ContainerRequestFilter {
    private final ExchangeEnd end;

    HookInstaller(ExchangeEnd end) {
      this.end = end;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      try {
        ServletRequestContext current = ServletRequestContext.current();
        if (current != null && !current.getExchange().isComplete()) {
          current.getExchange().addExchangeCompleteListener(end);
        }
      } catch (RuntimeException | LinkageError e) {
        Failures.log("Undertow's end-of-exchange listener could not be added", e);
      }
    }
  }

  /**
   * Ends the request of an exchange with the status Undertow sent, unless it has ended already.
   * RESTEasy keeps request properties as servlet request attributes, where it finds the state.
   */
  static final class ExchangeEnd implements ExchangeCompletionListener {
    private final RequestLifecycle lifecycle;

    ExchangeEnd(RequestLifecycle lifecycle) {
      this.lifecycle = lifecycle;
    }

    @Override
    public void exchangeEvent(HttpServerExchange exchange, NextListener next) {
      try {
        ServletRequestContext context = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
        RequestState state =
            context == null
                ? null
                : RequestLifecycle.of(context.getServletRequest().getAttribute(RequestState.PROPERTY));
        if (state != null && state.finished == 0) {
          // RESTEasy's request context is gone by now: a request not yet settled is unmatched.
          lifecycle.end(state, null, exchange.getStatusCode());
        }
      } catch (RuntimeException | LinkageError e) {
        Failures.log("Undertow's end of an exchange could not be recorded", e);
      } finally {
        next.proceed();
      }
    }
  }
}
