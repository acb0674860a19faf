package io.vigie.core.vuln.version;

import java.util.List;
import java.util.Objects;

/**
 * One OSV {@code affected[]} entry, reduced to what decides whether a version is affected: the
 * package's ecosystem and name, its ranges and its explicit {@code versions} list. Immutable.
 *
 * <p>{@link #evaluate} implements the OSV schema's evaluation algorithm; to evaluate many
 * versions against the same entry, {@link AffectedMatcher#of} once and reuse the matcher.
 */
public record OsvAffected(
    String ecosystem, String packageName, List<OsvRange> ranges, List<String> versions) {

  public OsvAffected {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(packageName, "packageName");
    ranges = List.copyOf(ranges);
    versions = List.copyOf(versions);
  }

  /** The verdict with its reasons; see {@link AffectedMatcher#evaluate}. */
  public AffectedVerdict evaluate(String version) {
    return AffectedMatcher.of(this).evaluate(version);
  }

  /**
   * True when the version is shown affected. False covers both "not affected" and "not
   * evaluable": callers that must tell them apart (all of Vigie's matching) use {@link #evaluate}.
   */
  public boolean affects(String version) {
    return evaluate(version) instanceof AffectedVerdict.Affected;
  }
}
