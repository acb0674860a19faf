package io.vigie.formats.git;

import java.util.Optional;

/** One side of a comparison: a git revision, a working tree or a folder. */
public interface Snapshot {
  /** How the side is named in reports ("main@1a2b3c4", "working tree", a folder path). */
  String label();

  /** The bytes of the file at a '/'-separated path relative to the root, if it exists there. */
  Optional<byte[]> read(String path);
}
