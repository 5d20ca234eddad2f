package io.redmetrics.example.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Exports: {@code /export/products.csv} streams the catalog as CSV with a {@link StreamingOutput}
 * from a (simulated) slow store, which takes {@value #ROWS_DELAY_MILLIS} ms to deliver the rows
 * after the header has been written. The recorded duration ends when the last row has been
 * written, so it includes that wait.
 */
@Path("export")
public final class ExportResource {

  /** How long the store takes to deliver the rows. */
  public static final long ROWS_DELAY_MILLIS = 150;

  private final Catalog catalog = Shop.catalog();

  /**
   * Streams the catalog, one product a row.
   *
   * @return the CSV, written after this method returns
   */
  @GET
  @Path("products.csv")
  @Produces("text/csv")
  public StreamingOutput products() {
    List<Product> products = catalog.all();
    return output -> {
      Writer csv = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
      csv.write("id,sku,name,price_cents,stock\n");
      csv.flush();
      awaitRows();
      for (Product product : products) {
        csv.write(product.toCsvRow());
      }
      csv.flush();
    };
  }

  private static void awaitRows() throws InterruptedIOException {
    try {
      Thread.sleep(ROWS_DELAY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("export interrupted");
    }
  }
}
