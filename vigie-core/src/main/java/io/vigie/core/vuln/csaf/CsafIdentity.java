package io.vigie.core.vuln.csaf;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.vuln.match.MatchConfidence;
import io.vigie.core.vuln.version.VersionSchemes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether an SBOM component is a CSAF product, and by what evidence: (a) the product's package
 * URL (type, namespace and name; HIGH), (b) its CPE (part, vendor and product compared as CPE
 * parts, not raw strings; HIGH), or (c) its vendor and product name against the component's
 * supplier or group and name, normalised ({@link CsafNames}; MEDIUM). Also says which version of
 * the component to test and against which condition: the product's version branch when it has
 * one, else the version in its package URL or CPE, else every version.
 */
record CsafIdentity(String how, MatchConfidence confidence, Optional<String> version, CsafVersionCondition condition) {

  static Optional<CsafIdentity> of(SbomComponent c, CsafProduct p) {
    return byPurl(c, p).or(() -> byCpe(c, p)).or(() -> byName(c, p));
  }

  private static Optional<CsafIdentity> byPurl(SbomComponent c, CsafProduct p) {
    if (p.purl().isEmpty() || c.purl().isEmpty()) {
      return Optional.empty();
    }
    PackageURL product;
    PackageURL component;
    try {
      product = io.vigie.core.sbom.PackageUrls.parse(p.purl().get());
      component = io.vigie.core.sbom.PackageUrls.parse(c.purl().get());
    } catch (MalformedPackageURLException e) {
      return Optional.empty();
    }
    if (!product.getType().equalsIgnoreCase(component.getType())
        || !same(product.getNamespace(), component.getNamespace())
        || !product.getName().equalsIgnoreCase(component.getName())) {
      return Optional.empty();
    }
    Optional<String> version = Optional.ofNullable(component.getVersion()).or(c::version);
    CsafVersionCondition condition = branchCondition(p).orElseGet(() -> Optional.ofNullable(product.getVersion())
        .<CsafVersionCondition>map(v -> new CsafVersionCondition.Constraints(v,
            List.of(new CsafVersionCondition.Constraint("=", v)), VersionOrder.of(VersionSchemes.forEcosystem(product.getType()))))
        .orElseGet(() -> new CsafVersionCondition.AllVersions("no version in the product's package URL")));
    return Optional.of(new CsafIdentity("package URL " + p.purl().get(), MatchConfidence.HIGH, version, condition));
  }

  private static Optional<CsafIdentity> byCpe(SbomComponent c, CsafProduct p) {
    Optional<Cpe> product = p.cpe().flatMap(Cpe::parse);
    Optional<Cpe> component = c.cpe().flatMap(Cpe::parse);
    if (product.isEmpty() || component.isEmpty()) {
      return Optional.empty();
    }
    Cpe a = product.get();
    Cpe b = component.get();
    if (!a.part().equals(b.part()) || !a.vendor().equals(b.vendor()) || !a.product().equals(b.product())) {
      return Optional.empty();
    }
    Optional<String> version = b.version().or(c::version);
    CsafVersionCondition condition = branchCondition(p).orElseGet(() -> a.version()
        .map(v -> CsafVersionCondition.parse(v, false))
        .orElseGet(() -> new CsafVersionCondition.AllVersions("any version in the product's CPE")));
    return Optional.of(new CsafIdentity("CPE " + a.vendor() + ":" + a.product(), MatchConfidence.HIGH, version, condition));
  }

  private static Optional<CsafIdentity> byName(SbomComponent c, CsafProduct p) {
    if (p.vendor().isEmpty() || p.productName().isEmpty()) {
      return Optional.empty();
    }
    String vendor = CsafNames.vendor(p.vendor().get());
    String product = CsafNames.normalize(p.productName().get());
    String name = CsafNames.normalize(c.name());
    String how;
    if (name.equals(vendor + " " + product)) {
      how = "vendor and product name ('" + c.name() + "' is " + p.vendor().get() + " " + p.productName().get() + ")";
    } else if (name.equals(product)) {
      Optional<String> supplier = Stream.of(c.supplier(), c.group()).flatMap(Optional::stream)
          .filter(s -> sameVendor(CsafNames.vendor(s), vendor)).findFirst();
      if (supplier.isEmpty()) {
        return Optional.empty();
      }
      how = "vendor and product name (supplier '" + supplier.get() + "' is vendor '" + p.vendor().get()
          + "', name '" + c.name() + "' is product '" + p.productName().get() + "')";
    } else {
      return Optional.empty();
    }
    CsafVersionCondition condition = branchCondition(p)
        .orElseGet(() -> new CsafVersionCondition.AllVersions("the product names no version"));
    return Optional.of(new CsafIdentity(how, MatchConfidence.MEDIUM, c.version(), condition));
  }

  /** "baxter" is "baxter healthcare": one name is the other's leading words. */
  private static boolean sameVendor(String a, String b) {
    return !a.isEmpty() && !b.isEmpty() && (a.equals(b) || a.startsWith(b + " ") || b.startsWith(a + " "));
  }

  private static Optional<CsafVersionCondition> branchCondition(CsafProduct p) {
    return p.productVersionRange().map(r -> CsafVersionCondition.parse(r, true))
        .or(() -> p.productVersion().map(v -> CsafVersionCondition.parse(v, false)));
  }

  private static boolean same(String a, String b) {
    return (a == null ? "" : a).equalsIgnoreCase(b == null ? "" : b);
  }
}
