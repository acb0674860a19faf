package io.vigie.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A region of equal trust: components in one zone trust each other; every flow between zones
 * crosses a trust boundary. {@code certifiedHealthDataHost} records that the zone is hosted by a
 * host certified for health data (HDS in France), which GDPR and national rules may require.
 */
public record TrustZone(
    String id,
    String name,
    TrustLevel trust,
    boolean certifiedHealthDataHost,
    List<String> certifications,
    String description)
    implements Element {

  public TrustZone {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trust, "trust");
    certifications = List.copyOf(certifications);
    Objects.requireNonNull(description, "description");
  }
}
