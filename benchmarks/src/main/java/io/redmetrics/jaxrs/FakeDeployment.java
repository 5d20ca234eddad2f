package io.redmetrics.jaxrs;

import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a portable runtime hands a {@code Feature} or a {@code DynamicFeature} at deployment, as
 * far as the library uses it: a configuration holding only the properties set through it, and
 * {@code register} of provider instances, which it keeps so that {@link RequestPathBenchmark} can
 * run the providers the library really registered ({@link #take}). Its configuration's class is
 * no runtime's, so {@link RuntimeAdapter#detect} picks the {@link PortableAdapter}.
 *
 * <p>Everything else throws {@link UnsupportedOperationException}: registering a class, or an
 * instance for some contracts only, would change which stages a runtime runs it in, so a library
 * change that starts doing so must fail here rather than be measured as if nothing changed.
 */
final class FakeDeployment implements FeatureContext {

  private final Map<String, Object> properties = new HashMap<>();
  private final List<Object> registered = new ArrayList<>();
  private final Configuration configuration = new Config();

  /**
   * Takes the one registered instance of {@code type}.
   *
   * @throws IllegalStateException when none or several were registered
   */
  <T> T take(Class<T> type) {
    T found = null;
    for (Iterator<Object> it = registered.iterator(); it.hasNext(); ) {
      Object instance = it.next();
      if (type.isInstance(instance)) {
        if (found != null) {
          throw new IllegalStateException("registered twice: " + type.getName());
        }
        found = type.cast(instance);
        it.remove();
      }
    }
    if (found == null) {
      throw new IllegalStateException("not registered: " + type.getName() + ", in " + registered);
    }
    return found;
  }

  /**
   * Fails when an instance was registered that was not {@linkplain #take taken}: a provider the
   * library added that the benchmark would not run.
   */
  void requireAllTaken() {
    if (!registered.isEmpty()) {
      throw new IllegalStateException(
          "registered, but not run by RequestPathBenchmark (add it to the path): " + registered);
    }
  }

  @Override
  public Configuration getConfiguration() {
    return configuration;
  }

  @Override
  public FeatureContext property(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  @Override
  public FeatureContext register(Object component) {
    registered.add(component);
    return this;
  }

  @Override
  public FeatureContext register(Object component, int priority) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Object component, Class<?>... contracts) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Object component, Map<Class<?>, Integer> contracts) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Class<?> componentClass) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Class<?> componentClass, int priority) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Class<?> componentClass, Class<?>... contracts) {
    throw unsupported();
  }

  @Override
  public FeatureContext register(Class<?> componentClass, Map<Class<?>, Integer> contracts) {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(
        "not offered by FakeDeployment: the library started using it; extend the fake");
  }

  /** The resource method a {@code DynamicFeature} is configured for. */
  static ResourceInfo resourceMethod(Class<?> resourceClass, Method method) {
    return new ResourceInfo() {
      @Override
      public Method getResourceMethod() {
        return method;
      }

      @Override
      public Class<?> getResourceClass() {
        return resourceClass;
      }
    };
  }

  /** The application's configuration: the properties set through the context, nothing else. */
  private final class Config implements Configuration {
    @Override
    public RuntimeType getRuntimeType() {
      return RuntimeType.SERVER;
    }

    @Override
    public Map<String, Object> getProperties() {
      return Collections.unmodifiableMap(properties);
    }

    @Override
    public Object getProperty(String name) {
      return properties.get(name);
    }

    @Override
    public Collection<String> getPropertyNames() {
      return Collections.unmodifiableSet(properties.keySet());
    }

    @Override
    public boolean isEnabled(Feature feature) {
      throw unsupported();
    }

    @Override
    public boolean isEnabled(Class<? extends Feature> featureClass) {
      throw unsupported();
    }

    @Override
    public boolean isRegistered(Object component) {
      throw unsupported();
    }

    @Override
    public boolean isRegistered(Class<?> componentClass) {
      throw unsupported();
    }

    @Override
    public Map<Class<?>, Integer> getContracts(Class<?> componentClass) {
      throw unsupported();
    }

    @Override
    public Set<Class<?>> getClasses() {
      throw unsupported();
    }

    @Override
    public Set<Object> getInstances() {
      throw unsupported();
    }
  }
}
