package io.vigie.core.vuln.match;

/**
 * The rule by which an advisory was found to apply to a component. Reports name it so that a
 * reader can weigh the match: a package URL range is exact, a CPE applicability match much less so.
 */
public enum MatchMethod {
  /** The component's package URL is in an OSV {@code affected[]} range of its ecosystem. */
  PACKAGE_URL_RANGE("package URL range"),
  /** The component's version is in the record's explicit {@code versions} list. */
  EXPLICIT_VERSION_LIST("explicit version list"),
  /** A Linux distribution's own advisory (Debian, AlmaLinux, Alpine…) for the distribution package. */
  DISTRO_ADVISORY("distribution advisory"),
  /** A product of a CSAF advisory's product tree (by package URL, CPE or name and version). */
  CSAF_PRODUCT("CSAF product"),
  /** An NVD CPE applicability statement (opt-in: CPE matches are the field's main source of noise). */
  CPE("CPE applicability");

  private final String label;

  MatchMethod(String label) {
    this.label = label;
  }

  /** The words reports use. */
  public String label() {
    return label;
  }
}
