package io.redmetrics.example.shop;

/**
 * One line of an order.
 *
 * @param id the line's number within its order, from 1
 * @param productId the product ordered
 * @param quantity the units ordered
 */
record OrderLine(long id, long productId, int quantity) {

  /** Returns this line as a JSON object. */
  String toJson() {
    return "{\"id\":" + id + ",\"productId\":" + productId + ",\"quantity\":" + quantity + "}";
  }
}
