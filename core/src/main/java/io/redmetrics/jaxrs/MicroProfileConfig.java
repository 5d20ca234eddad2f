package io.redmetrics.jaxrs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads settings from MicroProfile Config where the application has it (Payara, WildFly, Open
 * Liberty with {@code mpConfig}), without the library depending on it: the API is looked up once
 * per application, at deployment, through the application's class loader, so that a discovered
 * feature reads the application's {@code META-INF/microprofile-config.properties}, the server's
 * config sources and environment variables ({@code REDMETRICS_SERVICE}) like any MicroProfile
 * application does.
 */
final class MicroProfileConfig {

  private static final Logger LOGGER = Logger.getLogger(MicroProfileConfig.class.getName());
  private static final Function<String, Object> ABSENT = key -> null;

  private MicroProfileConfig() {}

  /**
   * Returns the lookup of a setting in the application's MicroProfile Config, or one that finds
   * nothing where there is none.
   *
   * @param loader the application's class loader
   */
  static Function<String, Object> of(ClassLoader loader) {
    Object config;
    Method lookup;
    try {
      Class<?> provider =
          Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader);
      config = provider.getMethod("getConfig", ClassLoader.class).invoke(null, loader);
      lookup =
          Class.forName("org.eclipse.microprofile.config.Config", true, loader)
              .getMethod("getOptionalValue", String.class, Class.class);
    } catch (ClassNotFoundException | LinkageError e) {
      return ABSENT; // no MicroProfile Config: nothing to read
    } catch (ReflectiveOperationException | RuntimeException e) {
      // The API is there but has no implementation, or it failed: the other sources still hold.
      LOGGER.log(Level.WARNING, "MicroProfile Config is present but unusable; not read", e);
      return ABSENT;
    }
    return key -> value(config, lookup, key);
  }

  private static Object value(Object config, Method lookup, String key) {
    try {
      return ((Optional<?>) lookup.invoke(config, key, String.class)).orElse(null);
    } catch (InvocationTargetException e) {
      // Rethrown as it came: a config source that fails stops the application's start-up.
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException
          ? (RuntimeException) cause
          : new IllegalStateException(key + ": MicroProfile Config failed", cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(key + ": MicroProfile Config is not accessible", e);
    }
  }
}
