package io.vigie.core.vuln.version;

import java.util.Objects;

/**
 * One event of an OSV range: the version where the vulnerability was introduced, fixed, last seen
 * ({@code last_affected}, inclusive) or a {@code limit} beyond which the range says nothing.
 * {@code introduced: "0"} means "from the first version"; {@code limit: "*"} means no limit.
 */
public record OsvEvent(Kind kind, String version) {

  /** The OSV event keys. */
  public enum Kind {
    INTRODUCED("introduced"),
    FIXED("fixed"),
    LAST_AFFECTED("last_affected"),
    LIMIT("limit");

    private final String osvName;

    Kind(String osvName) {
      this.osvName = osvName;
    }

    /** The key as written in OSV JSON. */
    public String osvName() {
      return osvName;
    }
  }

  public OsvEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
    if (version.isEmpty()) {
      throw new IllegalArgumentException("an OSV " + kind.osvName + " event needs a version");
    }
  }

  public static OsvEvent introduced(String version) {
    return new OsvEvent(Kind.INTRODUCED, version);
  }

  public static OsvEvent fixed(String version) {
    return new OsvEvent(Kind.FIXED, version);
  }

  public static OsvEvent lastAffected(String version) {
    return new OsvEvent(Kind.LAST_AFFECTED, version);
  }

  public static OsvEvent limit(String version) {
    return new OsvEvent(Kind.LIMIT, version);
  }

  /** {@code introduced: "0"}: before every version. */
  boolean isFromTheStart() {
    return kind == Kind.INTRODUCED && version.equals("0");
  }

  /** {@code limit: "*"}: after every version. */
  boolean isNoLimit() {
    return kind == Kind.LIMIT && version.equals("*");
  }

  @Override
  public String toString() {
    return kind.osvName + " " + version;
  }
}
