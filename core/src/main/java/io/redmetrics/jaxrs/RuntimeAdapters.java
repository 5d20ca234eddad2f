package io.redmetrics.jaxrs;

import jakarta.ws.rs.core.FeatureContext;

/**
 * Chooses, once per application, the runtime-specific help to add to the portable path. An
 * adapter is used only when its runtime is the one running the application, and its classes are
 * loaded only then, so the library works unchanged on a runtime it has never seen.
 */
final class RuntimeAdapters {

  private final boolean jersey;

  private RuntimeAdapters(boolean jersey) {
    this.jersey = jersey;
  }

  /** Detects the runtime from the implementation class of its configuration. */
  static RuntimeAdapters detect(FeatureContext context) {
    String implementation = context.getConfiguration().getClass().getName();
    return new RuntimeAdapters(implementation.startsWith("org.glassfish.jersey."));
  }

  /** The best source of matched template chains the runtime offers. */
  TemplateSource templates() {
    return jersey ? JerseyAdapter.templates() : new LocatorChainTemplates();
  }

  /**
   * Registers what starts the clock of each request: the runtime's earliest hook, which also
   * records the requests that response filters never see, or else the portable pre-matching
   * filter.
   */
  void registerStart(FeatureContext context, Routes routes) {
    if (jersey) {
      JerseyAdapter.registerEvents(context, routes);
    } else {
      context.register(new RequestRecorder.Start());
    }
  }
}
