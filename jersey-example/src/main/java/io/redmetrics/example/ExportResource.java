package io.redmetrics.example;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Exports: {@code /export/products.csv} streams the catalog as CSV with a {@link StreamingOutput};
 * its recorded duration ends when the last row has been written.
 */
@Path("export")
public final class ExportResource {

  private final Catalog catalog;

  /** Creates the resource over the shop's catalog. */
  @Inject
  ExportResource(Catalog catalog) {
    this.catalog = catalog;
  }

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
      for (Product product : products) {
        csv.write(product.toCsvRow());
      }
      csv.flush();
    };
  }
}
