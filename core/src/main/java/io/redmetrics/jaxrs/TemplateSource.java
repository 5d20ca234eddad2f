package io.redmetrics.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What a runtime can tell about the chain of templates a request matched, beyond the portable
 * {@code ResourceInfo}: needed for sub-resource locators and for the {@code HEAD} and {@code
 * OPTIONS} requests a runtime answers by itself.
 */
interface TemplateSource {

  /** The source for runtimes without such an API: only resource methods are known. */
  TemplateSource PORTABLE =
      new TemplateSource() {
        @Override
        public Object chain(ContainerRequestContext request) {
          return null;
        }

        @Override
        public String template(Object chain) {
          throw new IllegalStateException("no chain to resolve");
        }
      };

  /**
   * Returns a key for the matched chain of templates, equal for requests that matched the same
   * chain; {@code null} when the runtime cannot tell or nothing was matched. Called per request for
   * sub-resource routes only, so it must not build strings.
   */
  Object chain(ContainerRequestContext request);

  /**
   * Returns the template of a chain returned by {@link #chain}, relative to the application's base
   * path. Called once per distinct chain.
   */
  String template(Object chain);
}
