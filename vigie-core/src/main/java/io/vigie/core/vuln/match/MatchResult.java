package io.vigie.core.vuln.match;

import java.util.List;

/** The vulnerabilities found in an SBOM and the components that could not be checked. */
public record MatchResult(int components, List<VulnerabilityMatch> matches, List<NotChecked> notChecked) {
  public MatchResult {
    matches = List.copyOf(matches);
    notChecked = List.copyOf(notChecked);
  }
}
