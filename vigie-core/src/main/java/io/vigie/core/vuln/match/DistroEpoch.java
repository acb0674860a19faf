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
    Set<String> epochs = new HashSet<>();
    for (OsvRange range : affected.ranges()) {
      for (OsvEvent e : range.events()) {
        if (!e.version().equals("0") && !e.version().equals("*")) {
          epochs.add(DistroPackage.hasEpoch(e.version())
              ? e.version().substring(0, e.version().indexOf(':')).replaceFirst("^0+(?=.)", "") : "0");
        }
      }
    }
    for (String listed : affected.versions()) {
      epochs.add(DistroPackage.hasEpoch(listed) ? listed.substring(0, listed.indexOf(':')).replaceFirst("^0+(?=.)", "") : "0");
    }
    if (epochs.size() != 1 || epochs.contains("0")) {
      return version;
    }
    return epochs.iterator().next() + ":" + version;
  }
}
