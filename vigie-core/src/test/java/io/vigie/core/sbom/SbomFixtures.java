package io.vigie.core.sbom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Small builders for hand-made SBOMs in tests. */
final class SbomFixtures {
  private SbomFixtures() {}

  static SbomComponent component(String ref, String name, String version, String purl, String supplier) {
    return new SbomComponent(ref, Optional.of("library"), Optional.empty(), name, Optional.ofNullable(version),
        Optional.ofNullable(purl), Optional.empty(), List.of(), List.of(), Optional.ofNullable(supplier),
        Optional.empty(), Optional.empty());
  }

  static Sbom sbom(List<SbomComponent> components, List<Dependency> dependencies, List<String> authors, Instant timestamp) {
    return new Sbom(SbomFormat.CYCLONEDX, "1.6", Optional.empty(), Optional.empty(), components, dependencies,
        authors, Optional.ofNullable(timestamp), "hand-made.json");
  }
}
