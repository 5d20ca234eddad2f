package io.redmetrics.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The adapter of any runtime: the clock starts in a pre-matching filter, and locator chains are
 * rebuilt from the classes of the matched resources ({@code UriInfo.getMatchedResources()},
 * current first) and the {@code @Path} of the locator in each class that returns the next one.
 * When one class has several such locators (two that return the same type), the matched URIs
 * tell which one the request took; the reflection and patterns are built once per class.
 */
class PortableAdapter implements RuntimeAdapter {

  /** The locators of a parent class that may return a child class, by (parent, child). */
  private final ConcurrentMap<List<Class<?>>, Locator[]> locators = new ConcurrentHashMap<>();

  @Override
  public void install(FeatureContext context, RequestLifecycle lifecycle) {
    context.register(new RequestLifecycle.Start(lifecycle));
  }

  @Override
  public Object locatorChain(ContainerRequestContext request) {
    UriInfo uriInfo = request.getUriInfo();
    List<Object> matched = uriInfo.getMatchedResources();
    return matched.size() < 2 ? null : chain(classes(matched), uriInfo, null);
  }

  @Override
  public boolean tookChain(ContainerRequestContext request, Object chain) {
    List<Object> matched = request.getUriInfo().getMatchedResources();
    if (chain == null) {
      return matched.size() < 2;
    }
    LocatorChain taken = (LocatorChain) chain;
    if (taken.ambiguous || matched.size() != taken.classes.length) {
      return false;
    }
    for (int i = 0; i < taken.classes.length; i++) {
      if (classOf(matched.get(i)) != taken.classes[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Object matchedSoFar(UriInfo uriInfo) {
    List<Object> matched = uriInfo.getMatchedResources();
    if (matched.isEmpty()) {
      return null;
    }
    Class<?>[] classes = classes(matched);
    // The locator that failed: one of the current class whose template the request matched.
    Locator failed = choose(candidates(classes[0], null), uriInfo, true);
    return failed == null ? null : chain(classes, uriInfo, failed);
  }

  @Override
  public String template(Object chain, String ownPath) {
    LocatorChain taken = (LocatorChain) chain;
    List<String> outermostFirst = new ArrayList<>();
    outermostFirst.add(ResourceAnnotations.classPath(taken.classes[taken.classes.length - 1]));
    for (Locator locator : taken.locators) {
      outermostFirst.add(locator.path);
    }
    outermostFirst.add(ownPath);
    return RouteTemplate.join(outermostFirst);
  }

  private LocatorChain chain(Class<?>[] classes, UriInfo uriInfo, Locator last) {
    int steps = classes.length - 1;
    Locator[] taken = new Locator[steps + (last == null ? 0 : 1)];
    boolean ambiguous = false;
    for (int i = 0; i < steps; i++) {
      Class<?> parent = classes[classes.length - 1 - i];
      Class<?> child = classes[classes.length - 2 - i];
      Locator[] candidates = candidates(parent, child);
      ambiguous |= candidates.length > 1;
      taken[i] = choose(candidates, uriInfo, false);
    }
    if (last != null) {
      taken[steps] = last;
    }
    return new LocatorChain(classes, taken, ambiguous);
  }

  /**
   * The candidate the request matched, by the matched URIs; when they cannot tell (the templates
   * match alike), the first by name. {@code null} when {@code required} and none matched.
   */
  private static Locator choose(Locator[] candidates, UriInfo uriInfo, boolean required) {
    if (candidates.length == 1 && !required) {
      return candidates[0];
    }
    List<String> uris = uriInfo.getMatchedURIs();
    for (Locator candidate : candidates) {
      for (String uri : uris) {
        if (candidate.pattern.matcher(uri).matches()) {
          return candidate;
        }
      }
    }
    return required || candidates.length == 0 ? null : candidates[0];
  }

  /** The locators of {@code parent} returning {@code child} (any, when {@code null}), by name. */
  private Locator[] candidates(Class<?> parent, Class<?> child) {
    return locators.computeIfAbsent(
        Arrays.asList(parent, child),
        key -> {
          List<Locator> found = new ArrayList<>();
          Method[] methods = parent.getMethods();
          Arrays.sort(methods, Comparator.comparing(Method::getName));
          for (Method method : methods) {
            String path = ResourceAnnotations.methodPath(method);
            Class<?> returned = method.getReturnType();
            // A locator may also return a Class<?> that the runtime instantiates.
            if (path != null
                && ResourceAnnotations.httpMethods(method).isEmpty()
                && (child == null || returned.isAssignableFrom(child) || returned == Class.class)) {
              found.add(new Locator(path));
            }
          }
          return found.toArray(new Locator[0]);
        });
  }

  private static Class<?>[] classes(List<Object> matched) {
    Class<?>[] classes = new Class<?>[matched.size()];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = classOf(matched.get(i));
    }
    return classes;
  }

  /** CXF 4.1 lists the classes of the matched resources rather than the instances. */
  private static Class<?> classOf(Object resource) {
    return resource instanceof Class ? (Class<?>) resource : resource.getClass();
  }

  /** A sub-resource locator: its {@code @Path}, and a pattern for URIs that end in a match. */
  private static final class Locator {
    final String path;
    final Pattern pattern;

    Locator(String path) {
      this.path = path;
      this.pattern = RouteTemplate.endingIn(path);
    }
  }

  /** The classes a request went through (current first) and the locators it took (outer first). */
  private static final class LocatorChain {
    final Class<?>[] classes;
    final Locator[] locators;
    /** Whether a class had several candidate locators: the classes alone do not tell the chain. */
    final boolean ambiguous;

    LocatorChain(Class<?>[] classes, Locator[] locators, boolean ambiguous) {
      this.classes = classes;
      this.locators = locators;
      this.ambiguous = ambiguous;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof LocatorChain
          && Arrays.equals(classes, ((LocatorChain) other).classes)
          && Arrays.equals(locators, ((LocatorChain) other).locators);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(classes) + Arrays.hashCode(locators);
    }
  }
}
