package io.redmetrics.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.ServerLifeCycleListener;
import org.apache.cxf.endpoint.ServerLifeCycleManager;
import org.apache.cxf.interceptor.InterceptorChain;
import org.apache.cxf.interceptor.OutgoingChainInterceptor;
import org.apache.cxf.jaxrs.impl.UriInfoImpl;
import org.apache.cxf.jaxrs.interceptor.JAXRSInInterceptor;
import org.apache.cxf.jaxrs.model.OperationResourceInfo;
import org.apache.cxf.jaxrs.model.OperationResourceInfoStack;
import org.apache.cxf.jaxrs.utils.HttpUtils;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * The adapter of Apache CXF 4.1. Loaded only when the application runs on CXF; it lives in this
 * package so that the library's internals need not become public.
 *
 * <p>CXF resolves sub-resource locators while it invokes the resource, after the filters bound to
 * resource methods, and calls no {@code DynamicFeature} for the methods locators lead to; it does
 * run global post-matching filters once the chain is resolved, with the whole chain in its {@code
 * OperationResourceInfoStack}. There {@link LocatorFilter} enters such requests into their route.
 *
 * <p>Two shared interceptors see the end of requests that response filters miss: an application
 * response filter that throws, an exception no mapper handles, a parameter that fails to decode.
 */
final class CxfAdapter implements RuntimeAdapter {

  /** The exchange entry where CXF keeps the request properties that filters set. */
  private static final String PROPERTIES = "jaxrs.filter.properties";

  private final BasePathMemo basePaths = new BasePathMemo();

  @Override
  public void install(FeatureContext context, RequestLifecycle lifecycle) {
    context.register(new RequestLifecycle.Start(lifecycle));
    context.register(new HookInstaller(lifecycle));
    context.register(new LocatorFilter(lifecycle));
  }

  /**
   * CXF tells the listeners of its bus when a server stops. The server of this application is
   * the first one started on the thread that configures it: CXF creates and starts the server
   * right after configuring its providers.
   */
  @Override
  public void onStop(FeatureContext context, Runnable stop) {
    Bus bus = BusFactory.getThreadDefaultBus(false);
    ServerLifeCycleManager servers =
        bus == null ? null : bus.getExtension(ServerLifeCycleManager.class);
    if (servers != null) {
      servers.registerListener(new Stopping(servers, Thread.currentThread(), stop));
    }
  }

  /** Runs what must end with the application when CXF stops its server. */
  static final class Stopping implements ServerLifeCycleListener {
    private final ServerLifeCycleManager servers;
    private final Runnable stop;
    private Thread configuring;
    private Server own;

    Stopping(ServerLifeCycleManager servers, Thread configuring, Runnable stop) {
      this.servers = servers;
      this.configuring = configuring;
      this.stop = stop;
    }

    @Override
    public synchronized void startServer(Server server) {
      if (own == null && Thread.currentThread() == configuring) {
        own = server;
        configuring = null;
      }
    }

    @Override
    public void stopServer(Server server) {
      synchronized (this) {
        if (own == null || server != own) {
          return;
        }
        own = null;
      }
      servers.unRegisterListener(this);
      stop.run();
    }
  }

  /** The operations the request invoked, outermost locator first, when it invoked a locator. */
  @Override
  public Object locatorChain(ContainerRequestContext request) {
    OperationResourceInfoStack stack = invoked();
    return stack == null || stack.size() < 2 ? null : operations(stack);
  }

  @Override
  public boolean tookChain(ContainerRequestContext request, Object chain) {
    OperationResourceInfoStack stack = invoked();
    if (stack == null || stack.size() < 2) {
      return chain == null;
    }
    if (chain == null || ((List<?>) chain).size() != stack.size()) {
      return false;
    }
    for (int i = 0; i < stack.size(); i++) {
      if (((List<?>) chain).get(i) != stack.get(i).getMethodInfo()) {
        return false;
      }
    }
    return true;
  }

  /** The operations invoked before one failed, else the one CXF matched (a failed locator). */
  @Override
  public Object matchedSoFar(UriInfo uriInfo) {
    OperationResourceInfoStack stack = invoked();
    if (stack != null && !stack.isEmpty()) {
      return operations(stack);
    }
    Message message = JAXRSUtils.getCurrentMessage();
    OperationResourceInfo matched =
        message == null ? null : message.getExchange().get(OperationResourceInfo.class);
    return matched == null ? null : List.of(matched);
  }

  @Override
  public String template(Object chain, String ownPath) {
    List<?> operations = (List<?>) chain;
    List<String> outermostFirst = new ArrayList<>();
    OperationResourceInfo root = (OperationResourceInfo) operations.get(0);
    outermostFirst.add(root.getClassResourceInfo().getURITemplate().getValue());
    for (Object operation : operations) {
      outermostFirst.add(((OperationResourceInfo) operation).getURITemplate().getValue());
    }
    return RouteTemplate.join(outermostFirst);
  }

  /**
   * CXF builds a new base URI on each call, from the address of the endpoint that took the
   * request, which determines its path.
   */
  @Override
  public String rawBasePath(UriInfo uriInfo) {
    String address;
    try {
      Message message = JAXRSUtils.getCurrentMessage();
      address = message == null ? null : HttpUtils.getEndpointAddress(message);
    } catch (RuntimeException e) {
      address = null; // a message without an exchange or an address: the URI tells
    }
    return basePaths.rawBasePath(address, "", uriInfo);
  }

  /** The message keeps the raw path; the decoded one costs CXF a new {@code UriInfo} and more. */
  @Override
  public boolean keepsRawPath() {
    return true;
  }

  /** CXF's request URI collapses {@code //}; the message keeps the path as it was sent. */
  @Override
  public String rawPath(ContainerRequestContext request) {
    Message message = JAXRSUtils.getCurrentMessage();
    Object sent = message == null ? null : message.get(Message.REQUEST_URI);
    return sent instanceof String ? (String) sent : RuntimeAdapter.super.rawPath(request);
  }

  private static List<OperationResourceInfo> operations(OperationResourceInfoStack stack) {
    List<OperationResourceInfo> operations = new ArrayList<>(stack.size());
    for (int i = 0; i < stack.size(); i++) {
      operations.add(stack.get(i).getMethodInfo());
    }
    return operations;
  }

  /** The stack of operations the current request invoked; {@code null} before any. */
  private static OperationResourceInfoStack invoked() {
    Message message = JAXRSUtils.getCurrentMessage();
    Message in = message == null ? null : message.getExchange().getInMessage();
    return in == null ? null : in.get(OperationResourceInfoStack.class);
  }

  /**
   * Enters a request that went through sub-resource locators into the route of the method they
   * led to. A global post-matching filter, which CXF runs after resolving the locators.
   */
  @Priority(Priorities.FIRST)
  static final class LocatorFilter implements ContainerRequestFilter {
    private final RequestLifecycle lifecycle;
    /** The routes of the methods locators lead to, bound on first use (CXF binds none). */
    private final ConcurrentMap<OperationResourceInfo, RouteResolver.Route> routes =
        new ConcurrentHashMap<>();
    private volatile Bound last;

    LocatorFilter(RequestLifecycle lifecycle) {
      this.lifecycle = lifecycle;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      RequestState state = RequestLifecycle.of(request.getProperty(RequestState.PROPERTY));
      if (state == null || state.finished != 0) {
        return;
      }
      try {
        OperationResourceInfoStack stack = invoked();
        if (stack != null && stack.size() >= 2) {
          lifecycle.enter(state, route(stack.get(stack.size() - 1).getMethodInfo()), request);
        }
      } catch (RuntimeException | LinkageError e) {
        Failures.log("a request through a locator could not enter its route", e);
      }
    }

    private RouteResolver.Route route(OperationResourceInfo method) {
      Bound bound = last;
      if (bound == null || bound.method != method) {
        bound = new Bound(method, routes.computeIfAbsent(method, this::bind));
        last = bound;
      }
      return bound.route;
    }

    private RouteResolver.Route bind(OperationResourceInfo method) {
      String ownPath = method.getURITemplate().getValue();
      return lifecycle.routes().reached(ownPath, List.of(method.getHttpMethod()));
    }

    /** A method locators lead to, and its route: the last one, read without a map lookup. */
    private static final class Bound {
      final OperationResourceInfo method;
      final RouteResolver.Route route;

      Bound(OperationResourceInfo method, RouteResolver.Route route) {
        this.method = method;
        this.route = route;
      }
    }
  }

  /**
   * Adds the two shared end-of-request interceptors to CXF's in chain of every request; they find
   * the request's state through the exchange, so nothing is allocated beyond CXF's list nodes.
   */
  @PreMatching
  @Priority(Priorities.FIRST + 1)
  static final class HookInstaller implements ContainerRequestFilter {
    private final Completion completion;
    private final Unwinding unwinding;

    HookInstaller(RequestLifecycle lifecycle) {
      this.completion = new Completion(lifecycle);
      this.unwinding = new Unwinding(lifecycle);
    }

    @Override
    public void filter(ContainerRequestContext request) {
      try {
        Message message = JAXRSUtils.getCurrentMessage();
        InterceptorChain chain = message == null ? null : message.getInterceptorChain();
        if (chain != null) {
          chain.add(unwinding);
          chain.add(completion);
        }
      } catch (RuntimeException | LinkageError e) {
        Failures.log("CXF's end-of-request hooks could not be added", e);
      }
    }
  }

  /** Ends the request of a message with a status, unless it has ended already. */
  private abstract static class EndHook extends AbstractPhaseInterceptor<Message> {
    private final RequestLifecycle lifecycle;

    EndHook(String phase, RequestLifecycle lifecycle) {
      super(phase);
      this.lifecycle = lifecycle;
    }

    void end(Message message, int status) {
      try {
        Object properties = message.getExchange().get(PROPERTIES);
        RequestState state =
            properties instanceof Map
                ? RequestLifecycle.of(((Map<?, ?>) properties).get(RequestState.PROPERTY))
                : null;
        if (state != null && state.finished == 0) {
          lifecycle.end(state, new UriInfoImpl(message, null), status);
        }
      } catch (RuntimeException | LinkageError e) {
        Failures.log("CXF's end of a request could not be recorded", e);
      }
    }
  }

  /**
   * Runs once the response and its out chain (or out fault chain) are done, after {@code
   * OutgoingChainInterceptor}: sees a response filter that threw (CXF answers 500 through its out
   * fault chain) and responses CXF sends by itself; on the resuming thread for asynchronous ones.
   */
  static final class Completion extends EndHook {
    Completion(RequestLifecycle lifecycle) {
      super(Phase.POST_INVOKE, lifecycle);
      addAfter(OutgoingChainInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
      end(message, responseCode(message.getExchange()));
    }

    /** The status CXF set on the response, or on the fault that replaced it. */
    private static int responseCode(Exchange exchange) {
      Message out = exchange.getOutMessage();
      Object code = out == null ? null : out.get(Message.RESPONSE_CODE);
      if (exchange.getOutFaultMessage() != null) {
        code = exchange.getOutFaultMessage().get(Message.RESPONSE_CODE);
      }
      return code instanceof Integer ? (Integer) code : 200;
    }
  }

  /**
   * Sits before {@code JAXRSInInterceptor}, which runs the filters, so it never runs on the way
   * in; CXF's unwinding walks back to the head of the chain, so its fault handler sees every
   * failure of the in chain: a parameter that fails to decode (UNMARSHAL), an exception no mapper
   * handles (INVOKE). CXF then answers 500.
   */
  static final class Unwinding extends EndHook {
    Unwinding(RequestLifecycle lifecycle) {
      super(Phase.UNMARSHAL, lifecycle);
      addBefore(JAXRSInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
      // Never reached on the way in.
    }

    @Override
    public void handleFault(Message message) {
      end(message, 500);
    }
  }
}
