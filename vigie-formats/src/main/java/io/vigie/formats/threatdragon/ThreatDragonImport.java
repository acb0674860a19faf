package io.vigie.formats.threatdragon;

import io.vigie.core.model.DeviceModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of importing a Threat Dragon model: the Vigie model, the notes a person should review
 * (what was guessed, what was skipped and why), and which Vigie ID each Threat Dragon cell became,
 * so that a later re-import or a reviewer can trace an element back to the diagram.
 *
 * @param model the imported model; it passes {@code ModelValidator.validate} without problems
 * @param notes one sentence each, in the order of the file
 * @param idsByCell Vigie element ID by Threat Dragon cell ID (a UUID in files saved by the app), in
 *     file order; an actor's cell maps to the component that stands for it in flows
 */
public record ThreatDragonImport(DeviceModel model, List<String> notes, Map<String, String> idsByCell) {
  public ThreatDragonImport {
    Objects.requireNonNull(model, "model");
    notes = List.copyOf(notes);
    // Map.copyOf loses the order; the file order is what a reviewer expects to read.
    idsByCell = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(idsByCell));
  }
}
