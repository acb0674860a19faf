package io.vigie.store.vuln.update;

import java.util.Objects;

/**
 * One row of the feed table: a kind of feed {@code vigie db update} can download. {@code name} is
 * what {@code --feeds} takes ({@code kev}, or {@code osv} followed by {@code :<argument>}); the
 * templates use {@code {arg}} for that argument (URL-encoded in URLs). {@code mirrorPath} is the
 * path under a {@code --mirror} base URL; {@code fileName} is the name the download is imported
 * under, which becomes the advisories' {@code source} (so a downloaded {@code PyPI-all.zip} and an
 * imported one are the same source). {@code magic} checks the first bytes before any import, so an
 * HTML error page served with 200 is named for what it is.
 */
public record FeedKind(
    String name,
    boolean takesArgument,
    String officialUrl,
    String mirrorPath,
    String fileName,
    FeedImporter importer,
    ContentCheck magic) {

  public FeedKind {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(officialUrl, "officialUrl");
    Objects.requireNonNull(mirrorPath, "mirrorPath");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(importer, "importer");
    Objects.requireNonNull(magic, "magic");
  }

  /** What the first bytes of a good download look like; {@code null} when they look right. */
  @FunctionalInterface
  public interface ContentCheck {
    String problemWith(byte[] head);
  }
}
