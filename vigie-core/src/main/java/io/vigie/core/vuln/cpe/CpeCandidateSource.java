package io.vigie.core.vuln.cpe;

import java.util.List;

/** Where NVD records come from (the vulnerability database, or a list in a test). */
@FunctionalInterface
public interface CpeCandidateSource {
  /**
   * Every record with a cpeMatch criterion for this vendor and product (lower-case, in CPE 2.3
   * formatted-string form, as {@link CpeValue#bound()} gives them), rejected ones included.
   */
  List<NvdCve> candidates(String vendor, String product);
}
