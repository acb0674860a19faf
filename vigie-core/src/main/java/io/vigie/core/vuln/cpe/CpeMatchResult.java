package io.vigie.core.vuln.cpe;

import io.vigie.core.vuln.match.NotChecked;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import java.util.List;
import java.util.Set;

/**
 * What CPE matching found: the matches, the components it could not fully check and why, and the
 * refs of the components it did check completely (with or without a match).
 */
public record CpeMatchResult(List<VulnerabilityMatch> matches, List<NotChecked> notChecked, Set<String> checked) {
  public CpeMatchResult {
    matches = List.copyOf(matches);
    notChecked = List.copyOf(notChecked);
    checked = Set.copyOf(checked);
  }
}
