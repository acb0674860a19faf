package io.vigie.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A security control: its FDA category, what it does ({@link Capability}), which elements it
 * protects (components, flows, data assets or zones; a zone covers everything in it), whether it
 * is implemented, and how it is verified.
 */
public record SecurityControl(
    String id,
    String name,
    ControlCategory category,
    List<Capability> provides,
    List<String> protects,
    ControlStatus status,
    List<Verification> verification,
    String description)
    implements Element {

  public SecurityControl {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    provides = List.copyOf(provides);
    protects = List.copyOf(protects);
    Objects.requireNonNull(status, "status");
    verification = List.copyOf(verification);
    Objects.requireNonNull(description, "description");
  }

  public boolean isImplemented() {
    return status == ControlStatus.IMPLEMENTED;
  }

  public boolean isVerified() {
    return isImplemented() && !verification.isEmpty();
  }
}
