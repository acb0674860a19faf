package io.vigie.core.vuln.cpe;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code cpeMatch} of an NVD configuration node: a criterion CPE (possibly with ANY version and
 * version bounds), and whether a product it matches is the vulnerable one ({@code vulnerable: true})
 * or only the platform it must run on ({@code vulnerable: false}). {@code criteria} is the text as
 * NVD wrote it, for explanations. Bounds follow the NVD CVE API 2.0 names.
 */
public record CpeMatchCriterion(
    boolean vulnerable,
    String criteria,
    Cpe cpe,
    Optional<String> versionStartIncluding,
    Optional<String> versionStartExcluding,
    Optional<String> versionEndIncluding,
    Optional<String> versionEndExcluding) {

  public CpeMatchCriterion {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(cpe, "cpe");
    Objects.requireNonNull(versionStartIncluding, "versionStartIncluding");
    Objects.requireNonNull(versionStartExcluding, "versionStartExcluding");
    Objects.requireNonNull(versionEndIncluding, "versionEndIncluding");
    Objects.requireNonNull(versionEndExcluding, "versionEndExcluding");
    if (versionStartIncluding.isPresent() && versionStartExcluding.isPresent()) {
      throw new IllegalArgumentException("a cpeMatch has at most one start bound");
    }
    if (versionEndIncluding.isPresent() && versionEndExcluding.isPresent()) {
      throw new IllegalArgumentException("a cpeMatch has at most one end bound");
    }
  }

  /** A criterion without bounds (a test helper, and the common NVD case of one exact version). */
  public static CpeMatchCriterion of(boolean vulnerable, String criteria) {
    return new CpeMatchCriterion(vulnerable, criteria, Cpe.parse(criteria), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  public boolean hasBounds() {
    return versionStartIncluding.isPresent() || versionStartExcluding.isPresent() || versionEndIncluding.isPresent()
        || versionEndExcluding.isPresent();
  }

  /** The criterion and its bounds as one line: {@code cpe:2.3:a:wolfssl:wolfssl:*:… versionEndExcluding 5.2.0}. */
  public String describe() {
    StringBuilder out = new StringBuilder(criteria);
    versionStartIncluding.ifPresent(v -> out.append(" versionStartIncluding ").append(v));
    versionStartExcluding.ifPresent(v -> out.append(" versionStartExcluding ").append(v));
    versionEndIncluding.ifPresent(v -> out.append(" versionEndIncluding ").append(v));
    versionEndExcluding.ifPresent(v -> out.append(" versionEndExcluding ").append(v));
    out.append(vulnerable ? " (vulnerable)" : " (platform, not itself vulnerable)");
    return out.toString();
  }
}
