package io.vigie.core.change;

import io.vigie.core.model.DeviceModel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed between two revisions, as the shell read it from git or from two folders.
 *
 * @param before the model at the base revision; empty when the base had none (first model)
 * @param modelPath the model file's path in the repository, so a change to it counts as a review of the model
 * @param commitMessages messages of the commits between base and head (empty for folders)
 * @param outsideFiles changed files outside the model's folder (another device, shared tooling):
 *     counted in the verdict, mapped to nothing
 */
public record ChangeInput(
    String base,
    String head,
    Optional<DeviceModel> before,
    DeviceModel after,
    String modelPath,
    List<FileChange> files,
    List<PackageChange> packages,
    List<String> commitMessages,
    List<String> outsideFiles) {

  public ChangeInput {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(modelPath, "modelPath");
    files = List.copyOf(files);
    packages = List.copyOf(packages);
    commitMessages = List.copyOf(commitMessages);
    outsideFiles = List.copyOf(outsideFiles);
  }

  /** A change whose files all sit in the model's folder (or a model at the repository root). */
  public ChangeInput(String base, String head, Optional<DeviceModel> before, DeviceModel after, String modelPath,
      List<FileChange> files, List<PackageChange> packages, List<String> commitMessages) {
    this(base, head, before, after, modelPath, files, packages, commitMessages, List.of());
  }
}
