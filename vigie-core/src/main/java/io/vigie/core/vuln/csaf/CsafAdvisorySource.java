package io.vigie.core.vuln.csaf;

import io.vigie.core.sbom.SbomComponent;
import java.util.List;

/**
 * Where CSAF advisories come from (the vulnerability database, or a list in a test): the
 * advisories with a product that may be this component, found by {@link CsafKeys}. The matcher
 * decides; a source may return more than matches, never less.
 */
@FunctionalInterface
public interface CsafAdvisorySource {
  List<CsafAdvisory> candidatesFor(SbomComponent component);

  /** A fixed list, every advisory a candidate for every component (tests, small batches). */
  static CsafAdvisorySource of(List<CsafAdvisory> advisories) {
    List<CsafAdvisory> copy = List.copyOf(advisories);
    return component -> copy;
  }
}
