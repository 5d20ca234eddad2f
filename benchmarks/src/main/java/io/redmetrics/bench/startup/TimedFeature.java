package io.redmetrics.bench.startup;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the library's own deployment work without touching it: wraps its {@code Feature}, times
 * its {@code configure}, and hands it a {@code FeatureContext} that wraps every {@code
 * DynamicFeature} it registers (its {@code RouteBinder}) in one that times each call, that is
 * the per-resource-method work (annotations read, template and label values built, the bound
 * filter created and registered). What the runtime then does with what was registered (building
 * each method's filter chain, say) is not in these figures. Each is timed twice: wall clock, and
 * the CPU time of the deploying thread, which a loaded machine inflates much less (a thread
 * waiting for a core spends wall time, not CPU time). Costs one extra call, two {@code
 * System.nanoTime()} and two thread CPU clock reads per resource method; {@link StartupServer}
 * loads the {@code ThreadMXBean} in both variants before the application starts.
 */
final class TimedFeature implements Feature {

  /** The JVM's threads, for the CPU time of the current one. */
  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Nanoseconds in the feature's {@code configure}. */
  static final AtomicLong CONFIGURE_NANOS = new AtomicLong();

  /** CPU nanoseconds of the deploying thread in the feature's {@code configure}. */
  static final AtomicLong CONFIGURE_CPU_NANOS = new AtomicLong();

  /** Nanoseconds in the feature's dynamic features, over all resource methods. */
  static final AtomicLong BIND_NANOS = new AtomicLong();

  /** CPU nanoseconds of the deploying thread(s) in the feature's dynamic features. */
  static final AtomicLong BIND_CPU_NANOS = new AtomicLong();

  /** Calls of the feature's dynamic features: one per resource method the runtime offered. */
  static final AtomicLong BIND_CALLS = new AtomicLong();

  private final Feature feature;

  TimedFeature(Feature feature) {
    this.feature = feature;
  }

  @Override
  public boolean configure(FeatureContext context) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    try {
      return feature.configure(new Context(context));
    } finally {
      CONFIGURE_NANOS.addAndGet(System.nanoTime() - start);
      CONFIGURE_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
    }
  }

  /** A dynamic feature of the library, timed. */
  static final class TimedBinder implements DynamicFeature {
    private final DynamicFeature binder;

    TimedBinder(DynamicFeature binder) {
      this.binder = binder;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
      long cpu = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      try {
        binder.configure(resourceInfo, context);
      } finally {
        BIND_NANOS.addAndGet(System.nanoTime() - start);
        BIND_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
        BIND_CALLS.incrementAndGet();
      }
    }
  }

  private static Object timed(Object component) {
    return component instanceof DynamicFeature
        ? new TimedBinder((DynamicFeature) component)
        : component;
  }

  /** The runtime's context, but the library's dynamic features are registered timed. */
  private static final class Context implements FeatureContext {
    private final FeatureContext context;

    Context(FeatureContext context) {
      this.context = context;
    }

    @Override
    public Configuration getConfiguration() {
      return context.getConfiguration();
    }

    @Override
    public FeatureContext property(String name, Object value) {
      context.property(name, value);
      return this;
    }

    @Override
    public FeatureContext register(Class<?> componentClass) {
      context.register(componentClass);
      return this;
    }

    @Override
    public FeatureContext register(Class<?> componentClass, int priority) {
      context.register(componentClass, priority);
      return this;
    }

    @Override
    public FeatureContext register(Class<?> componentClass, Class<?>... contracts) {
      context.register(componentClass, contracts);
      return this;
    }

    @Override
    public FeatureContext register(Class<?> componentClass, Map<Class<?>, Integer> contracts) {
      context.register(componentClass, contracts);
      return this;
    }

    @Override
    public FeatureContext register(Object component) {
      context.register(timed(component));
      return this;
    }

    @Override
    public FeatureContext register(Object component, int priority) {
      context.register(timed(component), priority);
      return this;
    }

    @Override
    public FeatureContext register(Object component, Class<?>... contracts) {
      context.register(timed(component), contracts);
      return this;
    }

    @Override
    public FeatureContext register(Object component, Map<Class<?>, Integer> contracts) {
      context.register(timed(component), contracts);
      return this;
    }
  }
}
