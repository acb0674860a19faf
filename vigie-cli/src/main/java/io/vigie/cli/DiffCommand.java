package io.vigie.cli;

import io.vigie.core.change.ChangeImpact;
import io.vigie.formats.git.FolderSnapshot;
import io.vigie.formats.git.GitRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigie diff}: the security re-analysis of the changes between two revisions or folders. */
@Command(name = "diff",
    description = {"What a modification does to the device: model, code and risk changes, the elements they touch "
        + "(one data-flow hop downstream by default), the tests to re-run, and the gate (exit 1)."},
    footer = {"", "Examples:", "  vigie diff v2.3.0 HEAD --model vigie.yaml",
        "  vigie diff main feature/new-alerts --repo ~/src/postop --format json -o impact.json",
        "  vigie diff release-2.3/ release-2.4/          (two folders)"})
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASE", description = "A git revision (branch, tag, commit) or a folder.")
  String base;

  @Parameters(index = "1", paramLabel = "HEAD", description = "A git revision or a folder.")
  String head;

  @Option(names = "--repo", defaultValue = ".", paramLabel = "DIR", description = "The git repository (default: the current folder).")
  Path repo;

  @Mixin ChangeRun.Options options;

  @Override
  public Integer call() {
    ChangeImpact impact;
    if (Files.isDirectory(Path.of(base)) && Files.isDirectory(Path.of(head))) {
      FolderSnapshot a = new FolderSnapshot(Path.of(base));
      FolderSnapshot b = new FolderSnapshot(Path.of(head));
      impact = ChangeRun.analyze(options, a, b, () -> FolderSnapshot.changes(a, b), java.util.List::of,
          spec.commandLine().getErr());
    } else {
      try (GitRepository git = GitRepository.open(repo)) {
        impact = ChangeRun.analyze(options, git.revision(base), git.revision(head), () -> git.changes(base, head),
            () -> git.messages(base, head), spec.commandLine().getErr());
      }
    }
    return ChangeRun.emit(options, impact, spec.commandLine().getOut());
  }
}
