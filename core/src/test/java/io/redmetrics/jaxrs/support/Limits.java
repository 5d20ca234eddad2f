package io.redmetrics.jaxrs.support;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** The limits a runtime module declares in {@value ConformanceRuntime#LIMITS}. */
final class Limits {

  private final Set<Limit> declared;

  private Limits(Set<Limit> declared) {
    this.declared = declared;
  }

  /** Parses comma-separated limit ids; an unknown id fails, so that a typo cannot hide a rule. */
  static Limits parse(String ids) {
    Set<Limit> declared = EnumSet.noneOf(Limit.class);
    for (String id : ids.split(",")) {
      if (id.isBlank()) {
        continue;
      }
      declared.add(
          Arrays.stream(Limit.values())
              .filter(limit -> limit.id().equals(id.trim()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          ConformanceRuntime.LIMITS + ": unknown limit '" + id.trim() + "'")));
    }
    return new Limits(declared);
  }

  boolean contains(Limit limit) {
    return declared.contains(limit);
  }
}
