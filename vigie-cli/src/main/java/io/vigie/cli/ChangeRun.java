package io.vigie.cli;

import io.vigie.core.analysis.Analyzer;
import io.vigie.core.change.ChangeImpact;
import io.vigie.core.change.ChangeImpactAnalyzer;
import io.vigie.core.change.ChangeInput;
import io.vigie.core.change.ChangePolicy;
import io.vigie.core.change.FileChange;
import io.vigie.core.change.PackageChange;
import io.vigie.core.change.SbomDiff;
import io.vigie.core.sbom.Sbom;
import io.vigie.formats.sbom.SbomReader;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.risk.RiskPolicy;
import io.vigie.core.threat.rules.BuiltInRules;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.formats.change.ChangeImpactJsonWriter;
import io.vigie.formats.git.Snapshot;
import io.vigie.formats.model.ModelYamlReader;
import io.vigie.report.change.ChangeHtml;
import io.vigie.report.change.ChangeMarkdown;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * What {@code vigie diff} and {@code vigie check} share: read the model on both sides, map the
 * changed files into the model's folder, analyse, and print or write the result.
 *
 * <p>The model's {@code code:} globs are relative to the folder that holds the model file, so one
 * repository can hold several devices; changed files outside that folder belong to none of this
 * device's components and are only counted.
 */
final class ChangeRun {
  enum Format { md, json, html }

  /** Options common to both commands (a picocli mixin). */
  static final class Options {
    @Option(names = "--model", defaultValue = "vigie.yaml", paramLabel = "PATH",
        description = "The model file, relative to the repository root or to the folders compared (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--format", defaultValue = "md", description = "md (a pull-request comment), json or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path out;

    @Option(names = "--depth", defaultValue = "1", paramLabel = "N",
        description = "Data-flow hops to follow from a changed element (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--db", paramLabel = "DIR|URL",
        description = "A vulnerability database (vigie db import), a folder or jdbc:postgresql:// URL: package changes then say"
            + " which vulnerabilities appear or disappear.")
    String db;

    @Option(names = "--direction", defaultValue = "downstream", paramLabel = "DIR",
        description = "Follow flows to the receivers of changed data (downstream), to the senders (upstream), or both (default: ${DEFAULT-VALUE}).")
    String direction;
  }

  private ChangeRun() {}

  /**
   * {@code repoFiles} and {@code messages} are asked for on the calling thread (a git repository
   * is not thread-safe) while the two models are parsed on two others: the three are the longest
   * steps before the analysis, and independent.
   */
  static ChangeImpact analyze(Options o, Snapshot base, Snapshot head, Supplier<List<FileChange>> changedFiles,
      Supplier<List<String>> commitMessages, PrintWriter err) {
    String modelPath = o.model.replace('\\', '/').replaceFirst("^\\./", "");
    int slash = modelPath.lastIndexOf('/');
    String dir = slash < 0 ? "" : modelPath.substring(0, slash + 1);
    String modelName = modelPath.substring(slash + 1);

    Optional<byte[]> headBytes = head.read(modelPath);
    if (headBytes.isEmpty()) {
      throw new InvalidInputException(new Problem(
          head.label() + ":" + modelPath, 0, 0, "", "no model file here; give its path with --model", Optional.empty()));
    }
    Optional<byte[]> baseBytes = base.read(modelPath);
    CompletableFuture<DeviceModel> afterRead = CompletableFuture.supplyAsync(() -> parse(headBytes.get(), head, modelPath));
    CompletableFuture<Optional<DeviceModel>> beforeRead;
    if (baseBytes.isPresent() && Arrays.equals(baseBytes.get(), headBytes.get())) {
      // The model file did not change (a code-only change): one parse serves both sides.
      beforeRead = afterRead.thenApply(Optional::of);
    } else {
      beforeRead = CompletableFuture.supplyAsync(() -> baseBytes.map(b -> parse(b, base, modelPath)));
    }
    List<FileChange> repoFiles = changedFiles.get();
    List<String> messages = commitMessages.get();
    // A problem in the head's model is reported before one in the base's, as when read in turn.
    DeviceModel after = join(afterRead);
    Optional<DeviceModel> before = join(beforeRead);
    List<FileChange> files = new ArrayList<>(repoFiles.size());
    List<String> outside = new ArrayList<>();
    for (FileChange f : repoFiles) {
      boolean in = f.path().startsWith(dir) || f.oldPath().map(p -> p.startsWith(dir)).orElse(false);
      if (in) {
        files.add(new FileChange(strip(f.path(), dir), f.oldPath().map(p -> strip(p, dir)), f.type()));
      } else {
        outside.add(f.path());
      }
    }
    List<PackageChange> packages = packageChanges(base, head, dir, before, after, err);
    if (o.db != null && !packages.isEmpty()) {
      packages = withVulnerabilities(packages, VulnDb.location(o.db, System.getenv()));
    }
    ChangePolicy policy = ChangePolicy.defaults().withDepth(o.depth).withDirection(direction(o.direction));
    if (o.depth < 0) {
      throw new InvalidInputException(Problem.at("--depth", "expected 0 or more, found " + o.depth));
    }
    // The change impact holds risk levels, acceptability and controls, never a risk's explanation:
    // its sentences are not made (DiffScopeEquivalenceTest holds the impact equal).
    ChangeImpactAnalyzer analyzer = new ChangeImpactAnalyzer(
        new Analyzer(BuiltInRules.all(), RiskPolicy.defaults()).withoutExplanations(), policy);
    return analyzer.analyze(new ChangeInput(base.label(), head.label(), before, after, modelName, files, packages, messages, outside));
  }

  /**
   * Compares, for every SBOM a component of either model names, the packages at the two sides.
   * SBOM paths are relative to the model's folder, like the code globs. What a reader tolerated in
   * the head's SBOMs goes to {@code err}, as scan prints it: the head is what the change makes and
   * its author can fix; the base's would repeat them for every SBOM the change leaves alone.
   */
  private static List<PackageChange> packageChanges(Snapshot base, Snapshot head, String dir,
      Optional<DeviceModel> before, DeviceModel after, PrintWriter err) {
    java.util.TreeSet<String> paths = new java.util.TreeSet<>();
    after.components().forEach(c -> c.sbom().ifPresent(paths::add));
    before.ifPresent(m -> m.components().forEach(c -> c.sbom().ifPresent(paths::add)));
    List<PackageChange> out = new ArrayList<>();
    SbomReader reader = new SbomReader();
    for (String path : paths) {
      String inRepo = dir + path;
      Optional<Sbom> was = base.read(inRepo).map(b -> reader.read(b, base.label() + ":" + inRepo));
      Optional<Sbom> is = head.read(inRepo).map(b -> reader.read(b, head.label() + ":" + inRepo));
      is.ifPresent(sbom -> Main.printWarnings(err, sbom));
      out.addAll(SbomDiff.between(path, was, is));
    }
    return out;
  }

  /**
   * Matches the old and the new version of each changed package against the database: what the
   * change brings in, what it fixes, and which of the new ones are known exploited.
   */
  private static List<PackageChange> withVulnerabilities(List<PackageChange> packages, io.vigie.store.DatabaseLocation where) {
    if (where instanceof io.vigie.store.DatabaseLocation.DataFolder f
        && !io.vigie.store.vuln.VulnerabilityDatabase.existsIn(f.folder())) {
      throw new InvalidInputException(Problem.at("--db", "no vulnerability database at " + f.folder()
          + " (run `vigie db import --db " + f.folder() + " …`)"));
    }
    List<PackageChange> out = new ArrayList<>(packages.size());
    try (io.vigie.store.vuln.VulnerabilityDatabase db = io.vigie.store.vuln.VulnerabilityDatabase.open(where)) {
      io.vigie.core.vuln.match.VulnerabilityMatcher matcher = new io.vigie.core.vuln.match.VulnerabilityMatcher(db.advisorySource());
      for (PackageChange p : packages) {
        java.util.Set<String> was = vulnerabilities(matcher, p, p.versionBefore());
        java.util.Set<String> is = vulnerabilities(matcher, p, p.versionAfter());
        List<String> appeared = is.stream().filter(v -> !was.contains(v)).sorted().toList();
        List<String> fixed = was.stream().filter(v -> !is.contains(v)).sorted().toList();
        List<String> kev = appeared.stream().filter(v -> v.startsWith("CVE-") && db.kevEntry(v).isPresent()).toList();
        out.add(new PackageChange(p.sbom(), p.name(), p.purl(), p.kind(), p.versionBefore(), p.versionAfter(),
            p.licencesBefore(), p.licencesAfter(), appeared, fixed, kev));
      }
    }
    return out;
  }

  private static java.util.Set<String> vulnerabilities(io.vigie.core.vuln.match.VulnerabilityMatcher matcher,
      PackageChange p, Optional<String> version) {
    if (p.purl().isEmpty() || version.isEmpty()) {
      return java.util.Set.of();
    }
    String purl = p.purl().get().replaceFirst("@[^?#]*", "") + "@" + version.get();
    io.vigie.core.sbom.SbomComponent c = new io.vigie.core.sbom.SbomComponent(p.name(), Optional.empty(), Optional.empty(),
        p.name(), version, Optional.of(purl), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    java.util.Set<String> ids = new java.util.TreeSet<>();
    matcher.match(List.of(c)).matches().forEach(m -> ids.add(m.id()));
    return ids;
  }

  private static String strip(String repoPath, String dir) {
    return repoPath.startsWith(dir) ? repoPath.substring(dir.length()) : repoPath;
  }

  private static ChangePolicy.Direction direction(String word) {
    return io.vigie.core.model.Names.parse(ChangePolicy.Direction.class, word).orElseThrow(() -> new InvalidInputException(
        Problem.at("--direction", "expected downstream, upstream or both, found '" + word + "'")));
  }

  private static <T> T join(CompletableFuture<T> parse) {
    try {
      return parse.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static DeviceModel parse(byte[] bytes, Snapshot side, String path) {
    return new ModelYamlReader().read(bytes, side.label() + ":" + path);
  }

  /** Prints or writes the result; returns the exit code (1 when the gate fails). */
  static int emit(Options o, ChangeImpact impact, PrintWriter stdout) {
    if (o.format == Format.json) {
      // Streamed: the JSON of a change that touches every element of a large model is tens of MB.
      if (o.out == null) {
        new ChangeImpactJsonWriter().write(impact, stdout);
        stdout.flush();
      } else {
        OutputFiles.write(o.out, w -> new ChangeImpactJsonWriter().write(impact, w));
      }
    } else {
      String text = o.format == Format.html ? ChangeHtml.render(impact) : ChangeMarkdown.render(impact);
      if (o.out == null) {
        stdout.print(text);
        stdout.flush();
      } else {
        OutputFiles.write(o.out, text);
      }
    }
    return impact.gatePassed() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
  }
}
