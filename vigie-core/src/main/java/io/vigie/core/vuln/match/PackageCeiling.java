package io.vigie.core.vuln.match;

import io.vigie.core.vuln.version.AffectedCeiling;
import io.vigie.core.vuln.version.OsvAffected;
import java.util.Objects;

/**
 * How high a package's entries reach ({@link AffectedCeiling}), for the two ways the matcher
 * compares a version with them: as written, and for a distribution package whose package URL
 * states no epoch, with the epoch each entry carries put in front of it ({@link DistroEpoch}). The
 * second is what lets a scan skip the packages of an RPM or Debian SBOM that are past every fix
 * when their advisories give epochs the SBOM leaves out (951 of AlmaLinux 9's 2,934 packages).
 */
public record PackageCeiling(AffectedCeiling asWritten, AffectedCeiling epochUnstated) {

  public static final PackageCeiling NONE = new PackageCeiling(AffectedCeiling.NONE, AffectedCeiling.NONE);

  public PackageCeiling {
    Objects.requireNonNull(asWritten, "asWritten");
    Objects.requireNonNull(epochUnstated, "epochUnstated");
  }

  /** The ceilings of one entry. */
  public static PackageCeiling of(OsvAffected entry) {
    AffectedCeiling c = AffectedCeiling.of(entry);
    return new PackageCeiling(c, DistroEpoch.of(entry).isPresent() ? c.withoutEpoch() : c);
  }

  /** Both ceilings raised to cover {@code other}'s. */
  public PackageCeiling with(PackageCeiling other) {
    return new PackageCeiling(asWritten.with(other.asWritten), epochUnstated.with(other.epochUnstated));
  }

  /** Whether both ceilings are unbounded: no version of the package is above them. */
  public boolean isUnbounded() {
    return asWritten.isUnbounded() && epochUnstated.isUnbounded();
  }

  /** Whether {@code p}'s version is above the ceiling the matcher's comparison of it calls for. */
  public boolean isExceededBy(OsvPackage p) {
    boolean unstated = p.isDistroPackage() && !p.distro().get().epochGiven();
    return (unstated ? epochUnstated : asWritten).isExceededBy(p.version());
  }
}
