package io.vigie.core.vuln.csaf;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.vigie.core.sbom.SbomComponent;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lookup keys that put an SBOM component and a CSAF product side by side: {@code
 * name:<normalised product name>} (and {@code name:<vendor> <product>}, for components that carry
 * the vendor in their name), {@code purl:<type>/<namespace>/<name>} and {@code
 * cpe:<vendor>:<product>}. Sharing one definition keeps the database's index and the matcher in
 * agreement. A shared key only makes a product a candidate; {@link CsafMatcher} decides.
 */
public final class CsafKeys {
  private CsafKeys() {}

  public static Set<String> of(CsafProduct p) {
    Set<String> keys = new LinkedHashSet<>();
    p.productName().ifPresent(n -> {
      keys.add(name(CsafNames.normalize(n)));
      p.vendor().ifPresent(v -> keys.add(name(CsafNames.vendor(v) + " " + CsafNames.normalize(n))));
    });
    p.purl().flatMap(CsafKeys::purl).ifPresent(keys::add);
    p.cpe().flatMap(Cpe::parse).ifPresent(c -> keys.add(cpe(c.vendor(), c.product())));
    return keys;
  }

  /**
   * A component's keys. Called for every component of an SBOM once any CSAF document is imported,
   * so built without a growing set or Optional chains: the three keys differ by their prefix, so
   * {@link Set#of} holds them as they are.
   */
  public static Set<String> of(SbomComponent c) {
    String name = name(CsafNames.normalize(c.name()));
    String purl = c.purl().isPresent() ? purl(c.purl().get()).orElse(null) : null;
    String cpe = null;
    if (c.cpe().isPresent()) {
      Optional<Cpe> parsed = Cpe.parse(c.cpe().get());
      cpe = parsed.isPresent() ? cpe(parsed.get().vendor(), parsed.get().product()) : null;
    }
    if (purl == null) {
      return cpe == null ? Set.of(name) : Set.of(name, cpe);
    }
    return cpe == null ? Set.of(name, purl) : Set.of(name, purl, cpe);
  }

  public static String name(String normalized) {
    return "name:" + normalized;
  }

  public static String purl(String type, String namespace, String name) {
    return ("purl:" + type + "/" + namespace + "/" + name).toLowerCase(Locale.ROOT);
  }

  public static String cpe(String vendor, String product) {
    return ("cpe:" + vendor + ":" + product).toLowerCase(Locale.ROOT);
  }

  /** The key of a package URL, or empty when it is not one. */
  public static Optional<String> purl(String text) {
    try {
      PackageURL p = io.vigie.core.sbom.PackageUrls.parse(text);
      return Optional.of(purl(p.getType(), p.getNamespace() == null ? "" : p.getNamespace(), p.getName()));
    } catch (MalformedPackageURLException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
