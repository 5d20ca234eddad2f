package io.redmetrics.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The portable template source: rebuilds a locator chain from the classes of the matched
 * resources ({@code UriInfo.getMatchedResources()}, current first), and the {@code @Path} of the
 * locator method in each class that returns the next one. Works on any runtime; the reflection
 * runs once per distinct chain.
 *
 * <p>When one class has several locators that return the same sub-resource type, the chain of
 * classes cannot tell them apart; the locator whose name sorts first is taken.
 */
final class LocatorChainTemplates implements TemplateSource {

  @Override
  public Object chain(ContainerRequestContext request) {
    List<Object> matched = request.getUriInfo().getMatchedResources();
    if (matched.size() < 2) {
      return null;
    }
    Class<?>[] classes = new Class<?>[matched.size()];
    for (int i = 0; i < classes.length; i++) {
      Object resource = matched.get(i);
      // CXF 4.1 lists the classes rather than the instances.
      classes[i] = resource instanceof Class ? (Class<?>) resource : resource.getClass();
    }
    return Arrays.asList(classes);
  }

  @Override
  public String template(Object chain, String methodTemplate) {
    List<?> currentFirst = (List<?>) chain;
    List<String> outermostFirst = new ArrayList<>();
    Class<?> root = (Class<?>) currentFirst.get(currentFirst.size() - 1);
    outermostFirst.add(ResourceAnnotations.classPath(root));
    for (int i = currentFirst.size() - 1; i > 0; i--) {
      Class<?> parent = (Class<?>) currentFirst.get(i);
      Class<?> child = (Class<?>) currentFirst.get(i - 1);
      outermostFirst.add(locatorPath(parent, child));
    }
    outermostFirst.add(methodTemplate);
    return RouteTemplate.join(outermostFirst);
  }

  /** The {@code @Path} of the locator in {@code parent} that best returns {@code child}. */
  private static String locatorPath(Class<?> parent, Class<?> child) {
    Method best = null;
    Method[] methods = parent.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    for (Method method : methods) {
      if (isLocatorOf(method, child)
          && (best == null || isMoreSpecific(method.getReturnType(), best.getReturnType()))) {
        best = method;
      }
    }
    return best == null ? null : ResourceAnnotations.methodPath(best);
  }

  /** A locator has a {@code @Path}, no request method designator, and returns the child. */
  private static boolean isLocatorOf(Method method, Class<?> child) {
    Class<?> returned = method.getReturnType();
    // A locator may also return a Class<?> that the runtime instantiates.
    return ResourceAnnotations.methodPath(method) != null
        && ResourceAnnotations.httpMethods(method).isEmpty()
        && (returned.isAssignableFrom(child) || returned == Class.class);
  }

  private static boolean isMoreSpecific(Class<?> candidate, Class<?> current) {
    return candidate != current && current.isAssignableFrom(candidate);
  }
}
