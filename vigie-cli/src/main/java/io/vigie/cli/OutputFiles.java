package io.vigie.cli;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes output files whole or not at all: each is written to a temporary file in the same folder
 * and moved into place, so an interrupted run never leaves a half-written report where the last
 * good one was. The temporary file is created with the process's umask (not the owner-only mode
 * of {@code Files.createTempFile}), so reports stay readable by the team as any other file.
 */
final class OutputFiles {
  private OutputFiles() {}

  static void write(Path file, String content) {
    write(file, w -> {
      try {
        w.write(content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static void write(Path file, Consumer<Writer> content) {
    Path target = file.toAbsolutePath();
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(target.getParent());
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
        content.accept(w);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException(new Problem(file.toString(), 0, 0, "", "cannot write: " + e.getMessage(), Optional.empty()));
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // Best effort: the move has usually consumed it already.
      }
    }
  }
}
