package io.vigie.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Information the device handles, with what it needs of confidentiality, integrity and
 * availability, and for personal data the GDPR legal basis and the consent that covers it.
 */
public record DataAsset(
    String id,
    String name,
    DataCategory category,
    Need confidentiality,
    Need integrity,
    Need availability,
    Optional<String> legalBasis,
    Optional<String> consent,
    String description)
    implements Element {

  public DataAsset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(confidentiality, "confidentiality");
    Objects.requireNonNull(integrity, "integrity");
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(legalBasis, "legalBasis");
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(description, "description");
  }
}
