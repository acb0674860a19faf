package io.vigie.core.change;

import java.util.List;

/** A threat that appears ({@code ADDED}) or disappears ({@code REMOVED}) with the change. */
public record ThreatChange(String threat, ChangeType type, String title, List<String> elements) {
  public ThreatChange {
    elements = List.copyOf(elements);
  }
}
