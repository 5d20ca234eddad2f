package io.redmetrics.jaxrs;

import jakarta.ws.rs.core.FeatureContext;

/**
 * Chooses, once per application, the runtime-specific help to add to the portable path. An
 * adapter is used only when its runtime is the one running the application, and its classes are
 * loaded only then, so the library works unchanged on a runtime it has never seen.
 */
final class RuntimeAdapters {

  private final boolean jersey;
  private final boolean cxf;

  private RuntimeAdapters(String configurationClass) {
    this.jersey = configurationClass.startsWith("org.glassfish.jersey.");
    this.cxf = configurationClass.startsWith("org.apache.cxf.");
  }

  /** Detects the runtime from the implementation class of its configuration. */
  static RuntimeAdapters detect(FeatureContext context) {
    return new RuntimeAdapters(context.getConfiguration().getClass().getName());
  }

  /** The best source of matched template chains the runtime offers. */
  TemplateSource templates() {
    if (jersey) {
      return JerseyAdapter.templates();
    }
    return cxf ? CxfAdapter.templates() : new LocatorChainTemplates();
  }

  /**
   * Registers what starts the clock of each request (the runtime's earliest hook, or else the
   * portable pre-matching filter), and the runtime's hooks for the requests that response filters
   * never see.
   */
  void registerHooks(FeatureContext context, Routes routes) {
    if (jersey) {
      JerseyAdapter.registerEvents(context, routes);
    } else {
      context.register(new RequestRecorder.Start());
    }
    if (cxf) {
      CxfAdapter.registerFaultHook(context, routes);
    }
  }
}
