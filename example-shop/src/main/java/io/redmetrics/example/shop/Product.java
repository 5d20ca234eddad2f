package io.redmetrics.example.shop;

/**
 * A product of the shop's catalog.
 *
 * @param id the catalog's identifier
 * @param sku the stock-keeping unit, three capital letters, a dash and digits: {@code MUG-100}
 * @param name the name shown to customers
 * @param priceCents the price in cents
 * @param stock the units in the warehouse
 */
record Product(long id, String sku, String name, long priceCents, int stock) {

  /** Returns this product with {@code stock} units in the warehouse. */
  Product withStock(int stock) {
    return new Product(id, sku, name, priceCents, stock);
  }

  /** Returns this product as a JSON object. */
  String toJson() {
    return "{\"id\":" + id
        + ",\"sku\":" + Json.quote(sku)
        + ",\"name\":" + Json.quote(name)
        + ",\"priceCents\":" + priceCents
        + ",\"stock\":" + stock + "}";
  }

  /** Returns this product as a CSV row ending in a newline, the name quoted. */
  String toCsvRow() {
    return id + "," + sku + ",\"" + name.replace("\"", "\"\"") + "\"," + priceCents + "," + stock
        + "\n";
  }
}
