package io.vigie.core.model;

import java.util.List;
import java.util.Objects;

/** A person or outside system that uses components of the device. */
public record Actor(String id, String name, ActorKind kind, List<String> uses, String description)
    implements Element {

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    uses = List.copyOf(uses);
    Objects.requireNonNull(description, "description");
  }
}
