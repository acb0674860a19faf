package io.vigie.core.vuln;

import io.vigie.core.vuln.version.OsvAffected;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One vulnerability advisory as an OSV record states it: its ID and aliases (CVE, GHSA, …), when
 * it was published, last modified and possibly withdrawn, the packages and versions it affects and
 * its CVSS vectors. Immutable; no nulls.
 *
 * <p>{@code source} names the feed the record was imported from (such as {@code Go-all.zip} or
 * {@code GHSA-sample}) and {@code sourceRecord} the record inside it (such as a zip entry name), so
 * that every match can say where it came from. {@code summary} is empty when the record has none.
 *
 * <p>{@code related} holds the record's {@code related} and {@code upstream} IDs: not the same
 * vulnerability (that is {@code aliases}), but for a distribution advisory (ALSA, RLSA, DSA, USN)
 * the CVEs it fixes, which is how its matches reach KEV, EPSS and VEX.
 */
public record Advisory(
    String id,
    List<String> aliases,
    String summary,
    Optional<Instant> published,
    Instant modified,
    Optional<Instant> withdrawn,
    List<OsvAffected> affected,
    List<String> cvssVectors,
    String source,
    String sourceRecord,
    List<String> related) {

  public Advisory {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("an advisory has an id");
    }
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(withdrawn, "withdrawn");
    affected = List.copyOf(affected);
    cvssVectors = List.copyOf(cvssVectors);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceRecord, "sourceRecord");
    related = List.copyOf(related);
  }

  /** An advisory without related IDs. */
  public Advisory(String id, List<String> aliases, String summary, Optional<Instant> published, Instant modified,
      Optional<Instant> withdrawn, List<OsvAffected> affected, List<String> cvssVectors, String source,
      String sourceRecord) {
    this(id, aliases, summary, published, modified, withdrawn, affected, cvssVectors, source, sourceRecord, List.of());
  }

  /** True when the publisher withdrew the advisory: it should no longer produce matches. */
  public boolean isWithdrawn() {
    return withdrawn.isPresent();
  }

  /** The ID and every alias, ID first. */
  public List<String> allIds() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(id), aliases.stream())
        .distinct()
        .toList();
  }
}
