package io.redmetrics.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What a runtime can tell about the chain of templates a request matched, beyond the portable
 * {@code ResourceInfo}, which knows only the last class and method: needed for sub-resource
 * locators, and for the {@code HEAD} and {@code OPTIONS} requests a runtime answers by itself.
 */
interface TemplateSource {

  /**
   * Returns a key for the chain of locators that led a request to a sub-resource method, equal
   * for requests that took the same chain; {@code null} when the runtime cannot tell. Called per
   * request on sub-resource routes only, so it must not build strings.
   */
  Object chain(ContainerRequestContext request);

  /**
   * Returns the whole template of a chain returned by {@link #chain}, below the application's
   * base path. Called once per distinct chain.
   *
   * @param methodTemplate the template the sub-resource method's own annotations give
   */
  String template(Object chain, String methodTemplate);

  /**
   * Returns a key for the template a request matched when the runtime answered it by itself after
   * matching (automatic {@code OPTIONS}), for {@link #template} with an empty method template;
   * {@code null} when nothing was matched or the runtime cannot tell.
   */
  default Object answeredChain(ContainerRequestContext request) {
    return null;
  }
}
