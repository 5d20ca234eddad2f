package io.redmetrics.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.FeatureContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.jaxrs.model.MethodInvocationInfo;
import org.apache.cxf.jaxrs.model.OperationResourceInfo;
import org.apache.cxf.jaxrs.model.OperationResourceInfoStack;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * What Apache CXF adds to the portable path. Loaded only when the application runs on CXF (see
 * {@link RuntimeAdapters}); it lives in this package so that the library's internals need not
 * become public.
 */
final class CxfAdapter {

  private CxfAdapter() {}

  /** Returns the source of locator chains, from CXF's stack of invoked operations. */
  static TemplateSource templates() {
    return new Templates();
  }

  /** Registers the hook that records exceptions no mapper handles. */
  static void registerFaultHook(FeatureContext context, Routes routes) {
    context.register(new FaultHook(routes));
  }

  /** The stack of operations a request invoked, outermost locator first; empty if none yet. */
  private static List<OperationResourceInfo> invoked() {
    Message message = JAXRSUtils.getCurrentMessage();
    Message in = message == null ? null : message.getExchange().getInMessage();
    OperationResourceInfoStack stack =
        in == null ? null : in.get(OperationResourceInfoStack.class);
    List<OperationResourceInfo> operations = new ArrayList<>();
    if (stack != null) {
      for (MethodInvocationInfo invocation : stack) {
        operations.add(invocation.getMethodInfo());
      }
    }
    return operations;
  }

  /**
   * CXF 4.1 resolves sub-resource locators while it invokes the resource, after the request
   * filters, and runs no filter bound to the sub-resource method; the response filter then finds
   * the whole chain in CXF's {@code OperationResourceInfoStack}.
   */
  static final class Templates implements TemplateSource {
    private final LocatorChainTemplates portable = new LocatorChainTemplates();

    @Override
    public Object chain(ContainerRequestContext request) {
      return portable.chain(request);
    }

    @Override
    public Object answeredChain(ContainerRequestContext request) {
      List<OperationResourceInfo> operations = invoked();
      return operations.size() < 2 ? null : operations;
    }

    @Override
    public String template(Object chain, String methodTemplate) {
      if (!(chain instanceof List) || ((List<?>) chain).isEmpty()
          || !(((List<?>) chain).get(0) instanceof OperationResourceInfo)) {
        return portable.template(chain, methodTemplate);
      }
      List<String> outermostFirst = new ArrayList<>();
      List<?> operations = (List<?>) chain;
      OperationResourceInfo root = (OperationResourceInfo) operations.get(0);
      outermostFirst.add(root.getClassResourceInfo().getURITemplate().getValue());
      for (Object operation : operations) {
        outermostFirst.add(((OperationResourceInfo) operation).getURITemplate().getValue());
      }
      return RouteTemplate.join(outermostFirst);
    }
  }

  /**
   * CXF 4.1 runs no response filter when a resource throws an exception that no {@code
   * ExceptionMapper} maps: it unwinds its interceptor chain and lets the container send a 500.
   * This filter adds, per request, an interceptor after the filters whose fault handler records
   * that 500 during the unwinding, before the container answers.
   */
  @Priority(Priorities.FIRST)
  static final class FaultHook implements ContainerRequestFilter {
    private final Routes routes;

    FaultHook(Routes routes) {
      this.routes = routes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Message message = JAXRSUtils.getCurrentMessage();
      if (message != null && message.getInterceptorChain() != null) {
        message.getInterceptorChain().add(new FaultRecorder(request, routes));
      }
    }
  }

  /** Records one request as a 500 when CXF unwinds its chain after an unmapped exception. */
  private static final class FaultRecorder extends AbstractPhaseInterceptor<Message> {
    private final ContainerRequestContext request;
    private final Routes routes;

    FaultRecorder(ContainerRequestContext request, Routes routes) {
      super(Phase.PRE_INVOKE);
      this.request = request;
      this.routes = routes;
    }

    @Override
    public void handleMessage(Message message) {
      // Nothing on the way in: only the fault matters.
    }

    @Override
    public void handleFault(Message message) {
      InFlightRequest inFlight = InFlightRequest.of(request);
      if (inFlight == null || inFlight.isCompleted()) {
        return;
      }
      routes.bindOutside(inFlight, request);
      inFlight.complete(500);
    }
  }
}
