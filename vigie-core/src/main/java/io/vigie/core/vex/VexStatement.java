package io.vigie.core.vex;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One VEX decision: the state of a vulnerability for a component, who decided it, when, why, and
 * where it holds. Keyed by vulnerability and component identity (the package URL without version,
 * qualifiers and subpath, or the component's name when it has no package URL), so that a decision
 * follows the component into later versions and releases; {@code componentVersion} records the
 * version that was assessed ("" when the statement covers every version).
 *
 * <p>CISA's minimum requirements are checked here: a not-affected statement gives a justification
 * or an impact statement. Immutable; no nulls.
 *
 * @param impact why the status holds (CISA's impact statement; CycloneDX's detail)
 * @param action what a user should do (CISA's action statement, for affected)
 * @param origin where the statement came from: "recorded by hand", "imported from vex.json"
 */
public record VexStatement(
    String vulnerability,
    String component,
    String componentVersion,
    VexStatus status,
    Optional<VexJustification> justification,
    Optional<String> impact,
    Optional<String> action,
    String author,
    Instant timestamp,
    VexScope scope,
    String origin) {

  public VexStatement {
    Objects.requireNonNull(vulnerability, "vulnerability");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(componentVersion, "componentVersion");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(justification, "justification");
    impact = Objects.requireNonNull(impact, "impact").filter(s -> !s.isBlank());
    action = Objects.requireNonNull(action, "action").filter(s -> !s.isBlank());
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(origin, "origin");
    if (vulnerability.isBlank()) {
      throw new IllegalArgumentException("a VEX statement names its vulnerability");
    }
    if (component.isBlank()) {
      throw new IllegalArgumentException("a VEX statement names its component");
    }
    if (author.isBlank()) {
      throw new IllegalArgumentException("a VEX statement names who decided it");
    }
    if (status == VexStatus.NOT_AFFECTED && justification.isEmpty() && impact.isEmpty()) {
      // CISA, "Minimum Requirements for VEX" (2023), 3.2: not_affected needs a justification or
      // an impact statement, so a customer can see why the maker dismissed it.
      throw new IllegalArgumentException("a not-affected statement for " + vulnerability + " in " + component
          + " gives a justification or an impact statement (why)");
    }
    if (status != VexStatus.NOT_AFFECTED && justification.isPresent()) {
      throw new IllegalArgumentException("a justification explains a not-affected status only, not "
          + status.label());
    }
  }

  /**
   * The identity a decision is keyed to: {@code pkg:maven/org.apache.logging.log4j/log4j-core} for
   * {@code pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar}; a name stays as it is.
   * A text that starts with {@code pkg:} but is no valid package URL is kept whole (trimmed).
   */
  public static String identityOf(String purlOrName) {
    String text = purlOrName.trim();
    if (!text.startsWith("pkg:")) {
      return text;
    }
    try {
      PackageURL p = io.vigie.core.sbom.PackageUrls.parse(text); // parsed once per process
      return new PackageURL(p.getType(), p.getNamespace(), p.getName(), null, null, null).canonicalize();
    } catch (MalformedPackageURLException e) {
      return text;
    }
  }

  /** The version inside a package URL, or empty. */
  public static Optional<String> versionOf(String purl) {
    if (!purl.trim().startsWith("pkg:")) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(new PackageURL(purl.trim()).getVersion()).filter(v -> !v.isBlank());
    } catch (MalformedPackageURLException e) {
      return Optional.empty();
    }
  }

  /** True when the identity is a package URL (else a component name). */
  public boolean componentIsPurl() {
    return component.startsWith("pkg:");
  }

  /** This statement with another scope and origin, as an import files it. */
  public VexStatement withScope(VexScope newScope, String newOrigin) {
    return new VexStatement(vulnerability, component, componentVersion, status, justification, impact, action,
        author, timestamp, newScope, newOrigin);
  }
}
