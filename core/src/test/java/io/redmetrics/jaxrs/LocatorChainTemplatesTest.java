package io.redmetrics.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redmetrics.jaxrs.fixtures.OrdersResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The portable locator chain, rebuilt from matched resource classes without a server. */
class LocatorChainTemplatesTest {

  private final LocatorChainTemplates templates = new LocatorChainTemplates();

  @Test
  void one_locator_joins_the_root_the_locator_and_the_method_templates() {
    List<Class<?>> currentFirst = List.of(OrdersResource.OrderLines.class, OrdersResource.class);

    assertEquals(
        "/orders/{orderId}/lines/{lineId}", templates.template(currentFirst, "{lineId: [0-9]+}"));
    assertEquals("/orders/{orderId}/lines", templates.template(currentFirst, ""));
  }

  @Test
  void two_locators_deep_give_the_whole_chain() {
    List<Class<?>> currentFirst =
        List.of(OrdersResource.Notes.class, OrdersResource.OrderLines.class, OrdersResource.class);

    assertEquals(
        "/orders/{orderId}/lines/{lineId}/notes/{noteId}",
        templates.template(currentFirst, "{noteId}"));
  }

  @Test
  void the_most_specific_locator_wins_and_ties_go_to_the_first_name() {
    assertEquals(
        "/shelves/exact/{item}",
        templates.template(List.of(Item.class, Shelves.class), "{item}"));
  }

  /** A sub-resource. */
  public static class Item {
    @GET
    @Path("{item}")
    public String get() {
      return "item";
    }
  }

  /** Locators of differing specificity returning {@link Item}. */
  @Path("shelves")
  public static class Shelves {
    @Path("general")
    public Object anything() {
      return new Item();
    }

    @Path("exact")
    public Item exact() {
      return new Item();
    }

    @Path("zz-exact")
    public Item zzExact() {
      return new Item();
    }
  }
}
