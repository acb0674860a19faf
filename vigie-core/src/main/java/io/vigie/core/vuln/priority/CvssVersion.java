package io.vigie.core.vuln.priority;

import java.util.List;

/**
 * The CVSS versions Vigie scores with, each with the vector prefix and the base metrics its
 * specification makes mandatory. CVSS v2 is not among them: feeds still carry it for old CVEs, but
 * neither the FDA-qualified MITRE rubric (built on v3.0) nor current advisories use it.
 */
public enum CvssVersion {
  V3_0("CVSS:3.0", List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A")),
  V3_1("CVSS:3.1", List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A")),
  V4_0("CVSS:4.0", List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"));

  private final String prefix;
  private final List<String> baseMetrics;

  CvssVersion(String prefix, List<String> baseMetrics) {
    this.prefix = prefix;
    this.baseMetrics = baseMetrics;
  }

  /** The vector's first segment, such as {@code CVSS:3.1}. */
  public String prefix() {
    return prefix;
  }

  /** The mandatory base metrics, in the order the specification writes them. */
  public List<String> baseMetrics() {
    return baseMetrics;
  }

  /** True for the v3 family, whose environmental metrics the MITRE rubric adjusts. */
  public boolean isV3() {
    return this != V4_0;
  }
}
