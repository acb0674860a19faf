package io.vigie.cli;

import io.vigie.core.change.ChangeImpact;
import io.vigie.formats.git.GitRepository;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigie check}: the CI gate of a branch. Compares the working tree (what the pipeline
 * checked out, plus anything it generated, such as a fresh SBOM) with the merge base of the
 * target branch, which is what the pull request changes.
 */
@Command(name = "check",
    description = {"The CI gate: the change impact of the working tree against the merge base of a branch, "
        + "printed as Markdown for a pull-request comment; exit 1 when the gate fails. Recipes: docs/ci.md."},
    footer = {"", "Examples:", "  vigie check --base origin/main", "  vigie check --base origin/main --model devices/pump/vigie.yaml -o impact.md"})
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--base", defaultValue = "origin/main", paramLabel = "BRANCH",
      description = "The branch the change goes into (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--repo", defaultValue = ".", paramLabel = "DIR", description = "The git repository (default: the current folder).")
  Path repo;

  @Mixin ChangeRun.Options options;

  @Override
  public Integer call() {
    try (GitRepository git = GitRepository.open(repo)) {
      String mergeBase = git.mergeBase(base, "HEAD");
      ChangeImpact impact = ChangeRun.analyze(options, git.revision(mergeBase), git.workingTree(),
          () -> git.changesToWorkingTree(mergeBase), () -> git.messages(mergeBase, "HEAD"), spec.commandLine().getErr());
      return ChangeRun.emit(options, impact, spec.commandLine().getOut());
    }
  }
}
