package io.vigie.core.sbom;

import java.util.List;

/**
 * The result of checking one component against vulnerability sources (FDA V.A.4(b)(G)), filled by
 * the vulnerability matcher. An empty {@code ids} means "checked, none known", which satisfies the
 * element; a component with no entry at all has not been checked.
 */
public record KnownVulnerabilities(List<String> ids) {
  public KnownVulnerabilities {
    ids = List.copyOf(ids);
  }
}
