package io.vigie.core.vuln.match;

import io.vigie.core.vuln.version.OsvAffected;
import io.vigie.core.vuln.version.OsvEvent;
import io.vigie.core.vuln.version.OsvRange;
import java.util.HashSet;
import java.util.Set;

/**
 * The epoch to assume for a distribution package whose package URL gives none. rpm and dpkg read a
 * missing epoch as 0, but SBOM tools often drop it: {@code openssl 3.0.7-27.el9} is really {@code
 * 1:3.0.7-27.el9}, and compared as epoch 0 it would be below every fix ({@code 1:…}) forever — a
 * false positive on every advisory of the package. So when every versioned event of the entry has
 * the same epoch, the package is taken to have it too (what the fix was built against); when they
 * disagree, the version is compared as given. The match rule says when an epoch was assumed.
 */
final class DistroEpoch {
  private DistroEpoch() {}

  static String assumed(OsvAffected affected, String version) {
    return of(affected).map(epoch -> epoch + ":" + version).orElse(version);
  }

  /**
   * The epoch every versioned event and listed version of the entry has, when it is one and not 0
   * (leading zeros dropped): the one to assume for a package URL that gives none. Empty otherwise.
   */
  static java.util.Optional<String> of(OsvAffected affected) {
    Set<String> epochs = new HashSet<>();
    for (OsvRange range : affected.ranges()) {
      for (OsvEvent e : range.events()) {
        if (!e.version().equals("0") && !e.version().equals("*")) {
          epochs.add(epochOf(e.version()));
        }
      }
    }
    for (String listed : affected.versions()) {
      epochs.add(epochOf(listed));
    }
    if (epochs.size() != 1 || epochs.contains("0")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(epochs.iterator().next());
  }

  private static String epochOf(String version) {
    return DistroPackage.hasEpoch(version) ? version.substring(0, version.indexOf(':')).replaceFirst("^0+(?=.)", "") : "0";
  }
}
