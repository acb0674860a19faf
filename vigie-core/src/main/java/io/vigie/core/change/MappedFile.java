package io.vigie.core.change;

import java.util.List;

/** A changed file and the components whose code globs it matches (empty: unmapped). */
public record MappedFile(FileChange file, List<String> components) {
  public MappedFile {
    components = List.copyOf(components);
  }
}
