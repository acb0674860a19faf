package io.vigie.cli;

import io.vigie.core.sbom.Sbom;
import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.vuln.cpe.CpeMatchResult;
import io.vigie.core.vuln.cpe.CpeMatcher;
import io.vigie.core.vuln.cpe.CpeMode;
import io.vigie.core.vuln.match.NotChecked;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The opt-in CPE step of a scan ({@code --cpe sbom|guess}): the components package URLs could not
 * check are matched against the NVD records by CPE. A component CPE matching checked completely
 * leaves the not-checked list, match or no match (it was checked, and NVD knows nothing against
 * it); one it could not check keeps its entry, with the CPE reason added. Without NVD data nothing
 * is checked, and the reason says so: an empty NVD table must not read as "no vulnerabilities".
 */
final class CpeStep {

  /** The CPE matches to add before merging, and the not-checked list to report instead of the package-URL one. */
  record Outcome(List<VulnerabilityMatch> matches, List<NotChecked> notChecked, int checked) {}

  private CpeStep() {}

  static Outcome run(VulnerabilityDatabase database, CpeMode mode, Sbom bom, List<NotChecked> notCheckedByPurl) {
    if (mode == CpeMode.OFF) {
      return new Outcome(List.of(), notCheckedByPurl, 0);
    }
    if (!database.hasNvdData()) {
      return new Outcome(List.of(), notCheckedByPurl.stream()
          .map(n -> new NotChecked(n.componentRef(), n.componentName(), n.reason() + "; CPE: no NVD data imported (vigie db import --nvd)"))
          .toList(), 0);
    }
    Set<String> refs = notCheckedByPurl.stream().map(NotChecked::componentRef).collect(Collectors.toSet());
    List<SbomComponent> toCheck = bom.components().stream().filter(c -> refs.contains(c.ref())).toList();
    CpeMatchResult cpe = new CpeMatcher(database::nvdCandidates, mode).match(toCheck, bom.components());
    Map<String, String> cpeReasons = new HashMap<>();
    cpe.notChecked().forEach(n -> cpeReasons.put(n.componentRef(), n.reason()));
    List<NotChecked> notChecked = new ArrayList<>();
    for (NotChecked n : notCheckedByPurl) {
      if (cpe.checked().contains(n.componentRef())) {
        continue;
      }
      String extra = cpeReasons.get(n.componentRef());
      notChecked.add(extra == null ? n : new NotChecked(n.componentRef(), n.componentName(), n.reason() + "; " + extra));
    }
    return new Outcome(cpe.matches(), notChecked, cpe.checked().size());
  }
}
