package io.vigie.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where SARIF results point: GitHub code scanning reads a relative URI as relative to the root of
 * the repository it analyses, so the SBOM's path is made relative to the enclosing git working tree
 * (the nearest folder above it holding {@code .git}), else to the current folder (what a CI job
 * running in the checkout root gives).
 */
final class SarifLocations {
  /** Past this, the SBOM text is not read again for line numbers: results point at line 1. */
  private static final long MAX_TEXT_BYTES = 64L * 1024 * 1024;

  private SarifLocations() {}

  static String repositoryRelative(Path sbom) {
    Path file = sbom.toAbsolutePath().normalize();
    try {
      file = file.toRealPath(); // GitHub cannot show a result reported in a symlinked path
    } catch (IOException e) {
      // The SBOM was read a moment ago; keep the normalised path.
    }
    for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return slashes(dir.relativize(file));
      }
    }
    Path cwd = Path.of("").toAbsolutePath().normalize();
    return file.startsWith(cwd) ? slashes(cwd.relativize(file)) : file.getFileName().toString();
  }

  /** The SBOM as text, to find each component's line; empty when too large or not UTF-8. */
  static Optional<String> text(Path sbom) {
    try {
      if (Files.size(sbom) > MAX_TEXT_BYTES) {
        return Optional.empty();
      }
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(sbom))).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty(); // gzipped or another encoding: line 1 is still a valid location
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String slashes(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }
}
