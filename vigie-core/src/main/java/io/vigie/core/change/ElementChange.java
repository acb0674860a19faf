package io.vigie.core.change;

import java.util.List;
import java.util.Objects;

/**
 * A model element added, removed or changed between two revisions, matched by ID: an element
 * whose ID is kept is the same element however it moved in the file or was renamed.
 *
 * @param kind the model list it belongs to: component, flow, asset, zone, control, actor, hazard,
 *     threat, override, acceptance or device
 */
public record ElementChange(String kind, String id, ChangeType type, List<FieldChange> fields) {
  public ElementChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    fields = List.copyOf(fields);
  }
}
