package io.redmetrics.example.shop;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** The orders placed with the shop, in memory. */
final class OrderBook {

  private final ConcurrentMap<Long, Order> orders = new ConcurrentHashMap<>();
  private final AtomicLong lastId = new AtomicLong();

  /** Returns a book holding order 1, of two lines, so that its lines can be read at once. */
  static OrderBook withSampleOrder() {
    OrderBook book = new OrderBook();
    book.add(List.of(new OrderLine(1, 1, 2), new OrderLine(2, 2, 1)));
    return book;
  }

  /** Returns every order, by id. */
  List<Order> all() {
    return orders.values().stream().sorted(Comparator.comparingLong(Order::id)).toList();
  }

  /** Returns the order with {@code id}. */
  Optional<Order> byId(long id) {
    return Optional.ofNullable(orders.get(id));
  }

  /** Places an order of one line; the caller has taken the units out of stock. */
  Order place(long productId, int quantity) {
    return add(List.of(new OrderLine(1, productId, quantity)));
  }

  private Order add(List<OrderLine> lines) {
    Order order = new Order(lastId.incrementAndGet(), lines);
    orders.put(order.id(), order);
    return order;
  }
}
