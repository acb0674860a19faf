package io.vigie.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A hazard or safety risk declared in the maker's ISO 14971 risk file, by its ID there. A security
 * risk on an element related to it can cause the hazardous situation, and is linked to it.
 */
public record Hazard(
    String id, String title, Severity severity, List<String> elements, String description)
    implements Element {

  public Hazard {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    elements = List.copyOf(elements);
    Objects.requireNonNull(description, "description");
  }

  @Override
  public String name() {
    return title;
  }
}
