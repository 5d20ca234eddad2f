package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Configuration;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings from MicroProfile Config (SmallRye Config on the test class path, as Payara and WildFly
 * bring one): an application's {@code META-INF/microprofile-config.properties}, found through the
 * class loader that deploys the feature, below builder values and {@code Application}
 * properties.
 */
class MicroProfileConfigTest {

  @TempDir Path application;

  @Test
  void the_applications_microprofile_config_sets_what_nothing_closer_does() throws IOException {
    ClassLoader loader = withConfig("redmetrics.service=orders\nredmetrics.metrics-path=stats\n");
    Settings settings =
        withContextLoader(
            loader,
            () ->
                RedMetricsFeature.builder()
                    .metricsPath("scrape")
                    .build()
                    .settings(properties(Map.of(RedMetricsFeature.SERVICE_LABEL, "app"))));

    assertEquals("orders", settings.service);
    assertEquals("scrape", settings.metricsPath); // the builder wins
    assertEquals("app", settings.serviceLabel); // so does an Application property
  }

  @Test
  void an_invalid_value_from_microprofile_config_fails_naming_the_setting() throws IOException {
    ClassLoader loader = withConfig("redmetrics.buckets=0.5,0.1\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                withContextLoader(
                    loader,
                    () -> RedMetricsFeature.builder().build().settings(properties(Map.of()))));
    assertEquals("redmetrics.buckets: [0.5, 0.1]: must be strictly increasing", e.getMessage());
  }

  @Test
  void without_microprofile_config_nothing_is_read() {
    ClassLoader bare = new ClassLoader(null) {};
    assertNull(MicroProfileConfig.of(bare).apply(RedMetricsFeature.SERVICE));
  }

  /** A class loader whose application holds {@code properties} as its MicroProfile Config. */
  private ClassLoader withConfig(String properties) throws IOException {
    Path file = application.resolve("META-INF/microprofile-config.properties");
    Files.createDirectories(file.getParent());
    Files.writeString(file, properties);
    return new URLClassLoader(
        new URL[] {application.toUri().toURL()}, MicroProfileConfigTest.class.getClassLoader());
  }

  private static Settings withContextLoader(ClassLoader loader, Supplier<Settings> deploy) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return deploy.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static Configuration properties(Map<String, Object> properties) {
    return (Configuration)
        Proxy.newProxyInstance(
            Configuration.class.getClassLoader(),
            new Class<?>[] {Configuration.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getProperty")) {
                return properties.get(args[0]);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
