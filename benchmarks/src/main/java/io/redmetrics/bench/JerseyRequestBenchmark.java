package io.redmetrics.bench;

import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.Principal;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request through the benchmark application on Jersey, in process: what a container does
 * (a {@link ContainerRequest} handed to {@link ApplicationHandler#handle}, answered through a
 * {@link ContainerResponseWriter}), without sockets or a container. With {@code -prof gc}, the
 * bytes a variant allocates per request ({@code gc.alloc.rate.norm}) minus those of {@code bare}
 * are what its instrumentation adds to Jersey's own; run.sh measures the same over HTTP.
 *
 * <p>Run: {@code java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.openjdk.jmh.Main
 * JerseyRequestBenchmark -prof gc} (see benchmarks/README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JerseyRequestBenchmark {

  private static final URI BASE = URI.create("http://127.0.0.1:8080/");
  /** As run.sh's load: ids that change, so that nothing can key on the raw path. */
  private static final int IDS = 64;

  /** A variant of {@link Variant}: {@code bare}, {@code redmetrics}, {@code micrometer}... */
  @Param({"bare", "redmetrics", "redmetrics-classic", "micrometer"})
  public String variant;

  /** {@code products}: one template; {@code lines}: a template through a sub-resource locator. */
  @Param({"products", "lines"})
  public String route;

  private ApplicationHandler handler;
  private URI[] uris;
  private int next;
  private final Writer writer = new Writer();

  /** Builds the application of the variant and the request URIs. */
  @Setup(Level.Trial)
  public void setUp() {
    handler = new ApplicationHandler(Variant.named(variant).application());
    uris = new URI[IDS];
    for (int i = 0; i < IDS; i++) {
      String path = route.equals("products") ? "products/" + i : "orders/" + i + "/lines/" + i % 7;
      uris[i] = BASE.resolve(path);
    }
  }

  /**
   * Handles one {@code GET}.
   *
   * @return the status written, so that nothing is optimised away
   */
  @Benchmark
  public int request() {
    URI uri = uris[next++ & (IDS - 1)];
    ContainerRequest request =
        new ContainerRequest(BASE, uri, "GET", Security.INSTANCE, new MapPropertiesDelegate(), null);
    request.setEntityStream(new ByteArrayInputStream(new byte[0]));
    request.setWriter(writer);
    writer.status = 0;
    handler.handle(request);
    if (writer.status != 200) {
      throw new IllegalStateException(uri + ": status " + writer.status);
    }
    return writer.status;
  }

  /** The container's side: takes the response, writes its entity nowhere. */
  private static final class Writer implements ContainerResponseWriter {
    int status;

    @Override
    public OutputStream writeResponseStatusAndHeaders(long length, ContainerResponse response) {
      status = response.getStatus();
      return OutputStream.nullOutputStream();
    }

    @Override
    public boolean suspend(long timeOut, TimeUnit unit, TimeoutHandler handler) {
      return true;
    }

    @Override
    public void setSuspendTimeout(long timeOut, TimeUnit unit) {}

    @Override
    public void commit() {}

    @Override
    public void failure(Throwable error) {
      status = -1;
    }

    @Override
    public boolean enableResponseBuffering() {
      return false;
    }
  }

  /** An anonymous plain-HTTP request, as Grizzly's container reports it. */
  private static final class Security implements SecurityContext {
    static final Security INSTANCE = new Security();

    @Override
    public Principal getUserPrincipal() {
      return null;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return false;
    }

    @Override
    public String getAuthenticationScheme() {
      return null;
    }
  }
}
