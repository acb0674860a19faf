package io.vigie.core.threat;

import java.util.List;
import java.util.Objects;

/**
 * One place in the model where a rule's threat applies: the elements involved, the one an attacker
 * goes through first (whose reachability sets the exploitability) at index 0, and a sentence
 * naming them. The order of {@code elements} must come from the rule's logic, never from the order
 * of the model's lists, since it is part of the threat ID.
 */
public record Finding(List<String> elements, String description) {
  public Finding {
    elements = List.copyOf(elements);
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("a finding names at least one element");
    }
    Objects.requireNonNull(description, "description");
  }

  public static Finding of(String description, String... elements) {
    return new Finding(List.of(elements), description);
  }
}
