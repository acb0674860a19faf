package io.vigie.core.vuln.match;

import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a distribution package URL ({@code deb}, {@code rpm}, {@code apk}) into the OSV
 * ecosystem of its distribution release, the package name the distribution's advisories use, and
 * the version to compare (epoch included). A release that cannot be determined is refused, never
 * guessed: a Debian 11 advisory says nothing about Debian 12's package of the same name.
 *
 * <p>Release: from the {@code distro} qualifier ({@code debian-12}, {@code debian-12.4}, {@code
 * bookworm}, {@code ubuntu-22.04}, {@code jammy}, {@code alpine-3.18.4}, {@code almalinux-9.3},
 * {@code rocky-9}, {@code rhel-9.4}, {@code redhat-9.5}), the distribution from it or from the
 * namespace. For RPMs only, when there is no {@code distro} qualifier, the {@code .elN} dist tag
 * of the release (one major, {@code 3.0.7-27.el9_2}) with a namespace that names the distribution;
 * Debian, Ubuntu and Alpine versions do not reliably carry their release, so they need the
 * qualifier.
 *
 * <p>Name: Debian, Ubuntu and Alpine advisories name source packages, so the {@code upstream} (or
 * {@code source}) qualifier is used when present ({@code glibc} for {@code libc6}; a {@code
 * name@version} form gives the source version too), else the binary name; AlmaLinux, Rocky Linux
 * and Red Hat records list binary RPMs, so the purl name is used. The rule says which.
 */
final class DistroPackage {
  private DistroPackage() {}

  private static final Map<String, String> DEBIAN_CODENAMES = Map.of(
      "jessie", "8", "stretch", "9", "buster", "10", "bullseye", "11", "bookworm", "12", "trixie", "13",
      "forky", "14", "sid", "sid");
  private static final Map<String, String> UBUNTU_CODENAMES = Map.ofEntries(
      Map.entry("trusty", "14.04"), Map.entry("xenial", "16.04"), Map.entry("bionic", "18.04"),
      Map.entry("focal", "20.04"), Map.entry("jammy", "22.04"), Map.entry("kinetic", "22.10"),
      Map.entry("lunar", "23.04"), Map.entry("mantic", "23.10"), Map.entry("noble", "24.04"),
      Map.entry("oracular", "24.10"), Map.entry("plucky", "25.04"), Map.entry("questing", "25.10"));
  /** RPM distributions by the IDs /etc/os-release and SBOM tools use, to the OSV ecosystem base. */
  private static final Map<String, String> RPM_DISTROS = Map.of(
      "almalinux", "AlmaLinux", "alma", "AlmaLinux", "rocky", "Rocky Linux", "rockylinux", "Rocky Linux",
      "rhel", "Red Hat", "redhat", "Red Hat");
  private static final Pattern EL_TAG = Pattern.compile("(?:^|[.+])el(\\d+)(?=[._+]|$)");
  private static final Pattern RELEASE_MAJOR = Pattern.compile("(\\d+)(?:\\.\\d+)*");

  static OsvPackage.Result translate(PackageURL p, String version) {
    Map<String, String> q = p.getQualifiers() == null ? Map.of() : p.getQualifiers();
    Optional<String> distro = Optional.ofNullable(q.get("distro")).map(s -> s.trim().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty());
    String ns = p.getNamespace() == null ? "" : p.getNamespace().toLowerCase(Locale.ROOT);
    Result<String> epoch = epoch(version, q.get("epoch"));
    if (epoch.refusal != null) {
      return new OsvPackage.Refused(epoch.refusal);
    }
    return switch (p.getType()) {
      case "deb" -> deb(p, ns, distro, version, epoch.value, q);
      case "rpm" -> rpm(p, ns, distro, version, epoch.value);
      default -> apk(p, ns, distro, version, epoch.value, q);
    };
  }

  // ---- deb: Debian and Ubuntu ----

  private static OsvPackage.Result deb(PackageURL p, String ns, Optional<String> distro, String version,
      String epoch, Map<String, String> q) {
    if (distro.isEmpty()) {
      return refused("the release of this " + (ns.isEmpty() ? "Debian or Ubuntu" : ns) + " package is unknown:"
          + " give the distro qualifier, e.g. distro=debian-12 or distro=ubuntu-22.04");
    }
    String[] idAndRelease = split(distro.get());
    String id = idAndRelease[0].isEmpty() ? ns : idAndRelease[0];
    String release = idAndRelease[1];
    if (idAndRelease[0].isEmpty() && DEBIAN_CODENAMES.containsKey(release)) {
      id = "debian";
    } else if (idAndRelease[0].isEmpty() && UBUNTU_CODENAMES.containsKey(release)) {
      id = "ubuntu";
    }
    if (!ns.isEmpty() && !ns.equals(id)) {
      return refused("the namespace '" + ns + "' and distro=" + distro.get() + " disagree");
    }
    String ecosystem;
    if (id.equals("debian")) {
      String numeric = DEBIAN_CODENAMES.getOrDefault(release, release);
      Matcher m = RELEASE_MAJOR.matcher(numeric);
      if (!numeric.equals("sid") && !m.matches()) {
        return refused("distro=" + distro.get() + " is not a Debian release (expected e.g. debian-12 or bookworm)");
      }
      ecosystem = "Debian:" + (numeric.equals("sid") ? "sid" : m.group(1));
    } else if (id.equals("ubuntu")) {
      String numeric = UBUNTU_CODENAMES.getOrDefault(release, release);
      Matcher m = Pattern.compile("(\\d\\d)\\.(\\d\\d)(?:\\.\\d+)?").matcher(numeric);
      if (!m.matches()) {
        return refused("distro=" + distro.get() + " is not an Ubuntu release (expected e.g. ubuntu-22.04 or jammy)");
      }
      // OSV: "with a mandatory :LTS suffix if the release is LTS" — every April of an even year.
      boolean lts = Integer.parseInt(m.group(1)) % 2 == 0 && m.group(2).equals("04");
      ecosystem = "Ubuntu:" + m.group(1) + "." + m.group(2) + (lts ? ":LTS" : "");
    } else {
      return refused("distribution '" + id + "' of a deb package is not matched (Debian and Ubuntu are)");
    }
    return sourceNamed(p, ecosystem, version, epoch, q, "release " + ecosystem + " from distro=" + distro.get());
  }

  // ---- apk: Alpine ----

  private static OsvPackage.Result apk(PackageURL p, String ns, Optional<String> distro, String version,
      String epoch, Map<String, String> q) {
    if (!epoch.isEmpty()) {
      return refused("Alpine versions have no epoch, but the package URL gives one");
    }
    if (distro.isEmpty()) {
      return refused("the Alpine release of this package is unknown: give the distro qualifier, e.g. distro=alpine-3.18");
    }
    String[] idAndRelease = split(distro.get());
    String id = idAndRelease[0].isEmpty() ? ns : idAndRelease[0];
    if (!id.equals("alpine") || (!ns.isEmpty() && !ns.equals("alpine"))) {
      return refused("distro=" + distro.get() + " is not an Alpine release (expected e.g. alpine-3.18)");
    }
    Matcher m = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)*").matcher(idAndRelease[1]);
    if (!m.matches()) {
      return refused("distro=" + distro.get() + " is not an Alpine release (expected e.g. alpine-3.18 or alpine-3.18.4)");
    }
    // OSV: "must have a :v<RELEASE-NUMBER> suffix", the release branch (3.18 for 3.18.4).
    String ecosystem = "Alpine:v" + m.group(1) + "." + m.group(2);
    return sourceNamed(p, ecosystem, version, "", q, "release " + ecosystem + " from distro=" + distro.get());
  }

  /** Debian, Ubuntu and Alpine advisories name the source package. */
  private static OsvPackage.Result sourceNamed(PackageURL p, String ecosystem, String version, String epoch,
      Map<String, String> q, String releaseBasis) {
    String qualifier = q.containsKey("upstream") ? "upstream" : q.containsKey("source") ? "source" : null;
    String name = p.getName();
    String nameBasis;
    String compared = version;
    if (qualifier != null && !q.get(qualifier).isBlank()) {
      String value = q.get(qualifier).trim();
      int at = value.indexOf('@');
      name = at < 0 ? value : value.substring(0, at);
      nameBasis = "source package " + name + " from the " + qualifier + " qualifier";
      if (at >= 0 && at < value.length() - 1) {
        // The source version is what the advisory compares (a binNMU's +b1 is not in it).
        compared = value.substring(at + 1);
        nameBasis += ", source version " + compared;
      }
    } else {
      nameBasis = "binary package name " + name + " (no upstream or source qualifier: the advisories name source"
          + " packages, so a binary built from a differently named source is missed)";
    }
    return withEpoch(ecosystem, name, compared, epoch, releaseBasis + "; " + nameBasis);
  }

  // ---- rpm: AlmaLinux, Rocky Linux, Red Hat ----

  private static OsvPackage.Result rpm(PackageURL p, String ns, Optional<String> distro, String version, String epoch) {
    String id;
    String major;
    String releaseBasis;
    if (distro.isPresent()) {
      String[] idAndRelease = split(distro.get());
      id = idAndRelease[0].isEmpty() ? ns : idAndRelease[0];
      Matcher m = RELEASE_MAJOR.matcher(idAndRelease[1]);
      if (!m.matches()) {
        return refused("distro=" + distro.get() + " has no numeric release (expected e.g. almalinux-9 or rhel-9.4)");
      }
      major = m.group(1);
      releaseBasis = "distro=" + distro.get();
    } else {
      id = ns;
      Set<String> majors = new TreeSet<>();
      String release = version.contains("-") ? version.substring(version.lastIndexOf('-') + 1) : "";
      Matcher m = EL_TAG.matcher(release);
      while (m.find()) {
        majors.add(m.group(1));
      }
      if (majors.size() != 1 || !RPM_DISTROS.containsKey(id)) {
        return refused("the release of this RPM is unknown: give the distro qualifier, e.g. distro=almalinux-9"
            + (majors.size() > 1 ? " (the version names several el releases: " + majors + ")" : ""));
      }
      major = majors.iterator().next();
      releaseBasis = "the el" + major + " dist tag of the version (no distro qualifier)";
    }
    String base = RPM_DISTROS.get(id);
    if (base == null) {
      return refused("RPM distribution '" + id + "' is not matched (AlmaLinux, Rocky Linux and Red Hat are)");
    }
    if (!ns.isEmpty() && RPM_DISTROS.containsKey(ns) && !RPM_DISTROS.get(ns).equals(base)) {
      return refused("the namespace '" + ns + "' and distro=" + distro.orElse("") + " disagree");
    }
    // Red Hat scopes records to product streams ("Red Hat:enterprise_linux:9::appstream"); every
    // stream of the major release is a prefix match of this one. EUS/AUS streams are not.
    String ecosystem = base.equals("Red Hat") ? "Red Hat:enterprise_linux:" + major : base + ":" + major;
    return withEpoch(ecosystem, p.getName(), version, epoch,
        "release " + ecosystem + " from " + releaseBasis + "; binary package name " + p.getName()
            + " (these advisories list binary RPMs)");
  }

  // ---- shared ----

  private static OsvPackage.Result withEpoch(String ecosystem, String name, String version, String epoch, String basis) {
    boolean given = !epoch.isEmpty() || hasEpoch(version);
    String full = epoch.isEmpty() || hasEpoch(version) ? version : epoch + ":" + version;
    return new OsvPackage.Translated(new OsvPackage(ecosystem, name, full,
        Optional.of(new OsvPackage.Distro(basis, given))));
  }

  static boolean hasEpoch(String version) {
    int colon = version.indexOf(':');
    return colon > 0 && version.substring(0, colon).chars().allMatch(Character::isDigit);
  }

  /** The epoch qualifier, checked against a {@code N:} prefix of the version; empty if neither. */
  private static Result<String> epoch(String version, String qualifier) {
    if (qualifier == null || qualifier.isBlank()) {
      return new Result<>("", null);
    }
    String e = qualifier.trim();
    if (!e.chars().allMatch(Character::isDigit)) {
      return new Result<>(null, "epoch=" + qualifier + " is not a number");
    }
    if (hasEpoch(version) && !version.substring(0, version.indexOf(':')).replaceFirst("^0+(?=.)", "")
        .equals(e.replaceFirst("^0+(?=.)", ""))) {
      return new Result<>(null, "epoch=" + qualifier + " disagrees with the version " + version);
    }
    return new Result<>(hasEpoch(version) ? "" : e, null);
  }

  private record Result<T>(T value, String refusal) {}

  /** {@code debian-12.4} → [debian, 12.4]; {@code bookworm} → ["", bookworm]; {@code 3.18} → ["", 3.18]. */
  private static String[] split(String distro) {
    int dash = distro.indexOf('-');
    if (dash > 0 && Character.isLetter(distro.charAt(0))) {
      return new String[] {distro.substring(0, dash), distro.substring(dash + 1)};
    }
    return new String[] {"", distro};
  }

  private static OsvPackage.Refused refused(String reason) {
    return new OsvPackage.Refused(reason);
  }
}
