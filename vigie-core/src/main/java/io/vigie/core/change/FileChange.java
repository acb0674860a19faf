package io.vigie.core.change;

import java.util.Objects;
import java.util.Optional;

/** A file changed between two revisions; {@code oldPath} is set for renames. Paths use '/'. */
public record FileChange(String path, Optional<String> oldPath, ChangeType type) {
  public FileChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(oldPath, "oldPath");
    Objects.requireNonNull(type, "type");
  }

  public static FileChange of(String path, ChangeType type) {
    return new FileChange(path, Optional.empty(), type);
  }
}
