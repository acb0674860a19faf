package io.vigie.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A threat the maker identified by hand (a finding of a workshop, an imported threat model) that
 * no rule derives. It is assessed like a derived one.
 */
public record ManualThreat(
    String id,
    String title,
    Stride category,
    Optional<Linddun> privacy,
    List<String> elements,
    List<Capability> mitigations,
    List<Integer> cwe,
    List<Integer> capec,
    String description)
    implements Element {

  public ManualThreat {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(privacy, "privacy");
    elements = List.copyOf(elements);
    mitigations = List.copyOf(mitigations);
    cwe = List.copyOf(cwe);
    capec = List.copyOf(capec);
    Objects.requireNonNull(description, "description");
  }

  @Override
  public String name() {
    return title;
  }
}
