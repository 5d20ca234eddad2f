package io.redmetrics.example.shop;

import java.util.List;
import java.util.Optional;

/**
 * An order placed with the shop.
 *
 * @param id the order's identifier
 * @param lines what was ordered
 */
record Order(long id, List<OrderLine> lines) {

  /** Returns the line numbered {@code lineId}. */
  Optional<OrderLine> line(long lineId) {
    return lines.stream().filter(line -> line.id() == lineId).findFirst();
  }

  /** Returns this order as a JSON object. */
  String toJson() {
    return "{\"id\":" + id + ",\"lines\":" + lines.size() + "}";
  }
}
