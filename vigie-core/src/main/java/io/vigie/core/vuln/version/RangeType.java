package io.vigie.core.vuln.version;

/** The ordering an OSV range's events are written in ({@code affected[].ranges[].type}). */
public enum RangeType {
  /** SemVer 2.0.0 precedence, whatever the ecosystem. */
  SEMVER,
  /** The ecosystem's own ordering, found with {@link VersionSchemes#forEcosystem}. */
  ECOSYSTEM,
  /** Commit hashes in a repository: ordered by the commit graph, so not evaluable by version. */
  GIT
}
