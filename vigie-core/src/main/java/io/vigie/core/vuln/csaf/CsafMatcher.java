package io.vigie.core.vuln.csaf;

import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.vuln.match.MatchConfidence;
import io.vigie.core.vuln.match.MatchMerger;
import io.vigie.core.vuln.match.MatchMethod;
import io.vigie.core.vuln.match.MatchResult;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches SBOM components to the products of CSAF advisories (issue 3: "CSAF product trees are
 * matched through their package URLs, CPEs or product name + version"). For each component and
 * each candidate advisory: find the products that are the component ({@link CsafIdentity}), test
 * the component's version against the product's version branch ({@link CsafVersionCondition}),
 * and report every vulnerability that lists the product as {@code known_affected}, {@code
 * first_affected} or {@code last_affected}. Fixed, not-affected and under-investigation products
 * produce no match.
 *
 * <p>Confidence: the identity's (HIGH for package URL or CPE, MEDIUM for vendor and name) when the
 * version is shown to be in the product's versions; LOW when the identity holds but the version
 * cannot be tested (CISA's "<= 2.4A", a date, a component without a version): the match is shown
 * with the reason so a person can check it, and the default gate ignores LOW matches. When the
 * component's version is shown to be one the same vulnerability lists as fixed or not affected,
 * such an untested match is dropped. Each match's rule names the product ID, its full name, its
 * branch path, why the version is in it, and the publisher's remediation for that product.
 */
public final class CsafMatcher {
  private final CsafAdvisorySource source;

  public CsafMatcher(CsafAdvisorySource source) {
    this.source = source;
  }

  public MatchResult match(List<SbomComponent> components) {
    List<VulnerabilityMatch> matches = new ArrayList<>();
    for (SbomComponent c : components) {
      for (CsafAdvisory a : source.candidatesFor(c)) {
        matches.addAll(match(c, a));
      }
    }
    return new MatchResult(components.size(), MatchMerger.merge(matches), List.of());
  }

  private static List<VulnerabilityMatch> match(SbomComponent c, CsafAdvisory a) {
    List<Hit> hits = new ArrayList<>();
    for (CsafProduct p : a.products()) {
      Optional<CsafIdentity> identity = CsafIdentity.of(c, p);
      if (identity.isPresent()) {
        hits.add(new Hit(p, identity.get(), identity.get().condition().test(identity.get().version())));
      }
    }
    List<VulnerabilityMatch> out = new ArrayList<>();
    for (int i = 0; i < a.vulnerabilities().size(); i++) {
      CsafVulnerability v = a.vulnerabilities().get(i);
      Map<String, String> affected = v.productStatus().affected();
      boolean shownFixed = hits.stream().anyMatch(h -> h.verdict() instanceof CsafVersionCondition.In
          && !(h.identity().condition() instanceof CsafVersionCondition.AllVersions)
          && (v.productStatus().fixed().contains(h.product().productId())
              || v.productStatus().knownNotAffected().contains(h.product().productId())));
      for (Hit h : hits) {
        String status = affected.get(h.product().productId());
        if (status == null || h.verdict() instanceof CsafVersionCondition.Out
            || (h.verdict() instanceof CsafVersionCondition.Unknown && shownFixed)) {
          continue;
        }
        out.add(toMatch(c, a, i, v, h, status));
      }
    }
    return out;
  }

  private record Hit(CsafProduct product, CsafIdentity identity, CsafVersionCondition.Verdict verdict) {}

  private static VulnerabilityMatch toMatch(
      SbomComponent c, CsafAdvisory a, int index, CsafVulnerability v, Hit h, String status) {
    CsafProduct p = h.product();
    boolean checked = h.verdict() instanceof CsafVersionCondition.In;
    MatchConfidence confidence = checked ? h.identity().confidence() : MatchConfidence.LOW;
    StringBuilder rule = new StringBuilder("CSAF product ").append(p.productId()).append(" '").append(p.fullName())
        .append("' (").append(p.branchPath()).append("), ").append(status).append(": identified by ")
        .append(h.identity().how()).append("; ")
        .append(checked ? h.verdict().why() : "version not checked: " + h.verdict().why() + "; check by hand");
    v.remediationsFor(p.productId()).forEach(r -> rule.append("; remediation ").append(r.describe()));
    String id = v.cve().orElse(a.trackingId() + "#" + (index + 1));
    String summary = a.title() + (v.title().isBlank() ? "" : ": " + v.title());
    return new VulnerabilityMatch(c.ref(), c.nameAndVersion(), h.identity().version().orElse(""), c.purl().orElse(""),
        id, List.of(id), summary, v.cvssVectorsFor(p.productId()),
        List.of(new VulnerabilityMatch.Provenance(a.trackingId(), a.source(), a.sourceRecord(),
            MatchMethod.CSAF_PRODUCT, confidence, rule.toString())));
  }
}
