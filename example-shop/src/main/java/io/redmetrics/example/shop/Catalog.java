package io.redmetrics.example.shop;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** The shop's products, in memory: looked up, added and taken out of stock. */
final class Catalog {

  /** What a SKU looks like; the route {@code /products/sku/{sku}} uses the same expression. */
  static final String SKU_REGEX = "[A-Z]{3}-[0-9]+";

  private static final Pattern SKU = Pattern.compile(SKU_REGEX);

  private final ConcurrentMap<Long, Product> products = new ConcurrentHashMap<>();
  private final AtomicLong lastId = new AtomicLong();

  /** Returns a catalog of three products, the last one out of stock. */
  static Catalog withSampleProducts() {
    Catalog catalog = new Catalog();
    catalog.add("MUG-100", "Coffee mug", 1250, 25);
    catalog.add("POT-200", "Tea pot", 3900, 8);
    catalog.add("PST-300", "Signed tour poster", 9900, 0);
    return catalog;
  }

  /** Returns every product, by id. */
  List<Product> all() {
    return products.values().stream().sorted(Comparator.comparingLong(Product::id)).toList();
  }

  /** Returns the product with {@code id}. */
  Optional<Product> byId(long id) {
    return Optional.ofNullable(products.get(id));
  }

  /** Returns the product with {@code sku}. */
  Optional<Product> bySku(String sku) {
    return products.values().stream().filter(p -> p.sku().equals(sku)).findFirst();
  }

  /**
   * Adds a product.
   *
   * @throws jakarta.ws.rs.BadRequestException when a value is invalid
   * @throws jakarta.ws.rs.ClientErrorException (409) when another product has the SKU
   */
  synchronized Product add(String sku, String name, long priceCents, int stock) {
    if (sku == null || !SKU.matcher(sku).matches()) {
      throw Problems.badRequest("sku must look like MUG-100, got " + sku);
    }
    if (name == null || name.isBlank()) {
      throw Problems.badRequest("name must not be empty");
    }
    if (priceCents < 0 || stock < 0) {
      throw Problems.badRequest("priceCents and stock must not be negative");
    }
    if (bySku(sku).isPresent()) {
      throw Problems.conflict("a product with sku " + sku + " exists already");
    }
    Product product = new Product(lastId.incrementAndGet(), sku, name.trim(), priceCents, stock);
    products.put(product.id(), product);
    return product;
  }

  /**
   * Takes {@code quantity} units of a product out of stock.
   *
   * @return the product with its remaining stock, empty when there is no such product
   * @throws OutOfStockException when fewer than {@code quantity} units are left
   */
  Optional<Product> reserve(long id, int quantity) {
    return Optional.ofNullable(
        products.computeIfPresent(
            id,
            (key, product) -> {
              if (product.stock() < quantity) {
                throw new OutOfStockException(product, quantity);
              }
              return product.withStock(product.stock() - quantity);
            }));
  }
}
