package io.vigie.cli;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a model is: a YAML file, or a folder that holds {@value #DEFAULT_NAME}. */
final class ModelFiles {
  static final String DEFAULT_NAME = "vigie.yaml";

  private ModelFiles() {}

  static Path resolve(Path given) {
    if (Files.isDirectory(given)) {
      Path inside = given.resolve(DEFAULT_NAME);
      if (!Files.isRegularFile(inside)) {
        throw new InvalidInputException(new Problem(given.toString(), 0, 0, "",
            "the folder has no " + DEFAULT_NAME + "; give the model file itself, or create " + inside, Optional.empty()));
      }
      return inside;
    }
    if (!Files.exists(given)) {
      throw new InvalidInputException(new Problem(given.toString(), 0, 0, "", "no such file or folder", Optional.empty()));
    }
    return given;
  }
}
