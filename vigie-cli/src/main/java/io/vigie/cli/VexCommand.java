package io.vigie.cli;

import io.vigie.core.model.Names;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vex.AppliedVex;
import io.vigie.core.vex.VexDecisions;
import io.vigie.core.vex.VexJustification;
import io.vigie.core.vex.VexScope;
import io.vigie.core.vex.VexStatement;
import io.vigie.core.vex.VexStatus;
import io.vigie.formats.vex.CsafVexWriter;
import io.vigie.formats.vex.CycloneDxVexWriter;
import io.vigie.formats.vex.OpenVexWriter;
import io.vigie.formats.vex.VexDocument;
import io.vigie.formats.vex.VexExport;
import io.vigie.formats.vex.VexImport;
import io.vigie.formats.vex.VexReader;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigie vex}: the maker's VEX decisions (docs/vex.md), kept in the vulnerability database's
 * folder: record one by hand, import a CycloneDX VEX, OpenVEX or CSAF VEX document, export those
 * that hold for a release, list the history.
 */
@Command(name = "vex", description = "VEX decisions: the state of a vulnerability for a component, who, when, why, where it holds.",
    subcommands = {VexCommand.Record.class, VexCommand.Import.class, VexCommand.Export.class, VexCommand.ListCommand.class})
final class VexCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** --scope, --product, --release: where a decision holds. */
  static final class ScopeOptions {
    @Option(names = "--scope", required = true, paramLabel = "SCOPE",
        description = "release (this release only), product-line (every release of the product, carried to new ones) "
            + "or portfolio (every product).")
    String scope;

    @Option(names = "--product", paramLabel = "NAME", description = "The product (required for release and product-line).")
    String product;

    @Option(names = "--release", paramLabel = "VERSION",
        description = "The release (required for release scope; for a wider scope, the release it was decided on).")
    String release;

    VexScope toScope() {
      VexScope.Kind kind = Names.parse(VexScope.Kind.class, scope).orElseThrow(() -> new InvalidInputException(
          Problem.at("--scope", "'" + scope + "' is not a scope; expected release, product-line or portfolio")));
      Optional<String> p = Optional.ofNullable(product).filter(x -> !x.isBlank());
      Optional<String> r = Optional.ofNullable(release).filter(x -> !x.isBlank());
      if (kind != VexScope.Kind.PORTFOLIO && p.isEmpty()) {
        throw new InvalidInputException(Problem.at("--product", "missing; a " + scope + " decision names its product"));
      }
      if (kind == VexScope.Kind.RELEASE && r.isEmpty()) {
        throw new InvalidInputException(Problem.at("--release", "missing; a release decision names its release"));
      }
      return new VexScope(kind, p, r);
    }
  }

  /** Who decides: --by, else git's user.name, else $USER. */
  static String who(String by) {
    if (by != null && !by.isBlank()) {
      return by.trim();
    }
    try {
      Process git = new ProcessBuilder("git", "config", "user.name").redirectErrorStream(true).start();
      String name = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 && !name.isBlank()) {
        return name;
      }
    } catch (IOException e) {
      // no git: fall back to the login name
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String user = System.getenv("USER");
    if (user != null && !user.isBlank()) {
      return user;
    }
    throw new InvalidInputException(Problem.at("--by", "missing; say who decides (no git user.name or $USER to default to)"));
  }

  @Command(name = "record", description = "Record a decision by hand.",
      footer = {"", "Examples:",
          "  vigie vex record --vuln CVE-2021-44228 --component pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 \\",
          "      --status not-affected --justification vulnerable-code-not-in-execute-path \\",
          "      --why 'JNDI lookups are disabled at start-up' --scope product-line --product PumpOS --release 1.0",
          "  vigie vex record --vuln CVE-2022-22965 --component spring-beans --version 4.3.18 --status affected \\",
          "      --action 'Update to 5.3.18 in release 1.2' --scope release --product PumpOS --release 1.1"})
  static final class Record implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VulnDb db;
    @picocli.CommandLine.ArgGroup(exclusive = false, multiplicity = "1") ScopeOptions where;

    // Its own --version (of the component) shadows the inherited -h/-V pair, so help is declared here.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--vuln", required = true, paramLabel = "ID", description = "CVE, GHSA or other ID.")
    String vuln;

    @Option(names = "--component", required = true, paramLabel = "PURL|NAME",
        description = "The component: its package URL (any version), or its name when it has none.")
    String component;

    @Option(names = "--version", paramLabel = "VERSION",
        description = "The version assessed (default: the package URL's version, else every version).")
    String version;

    @Option(names = "--status", required = true, paramLabel = "STATUS",
        description = "not-affected, affected, fixed or under-investigation.")
    String status;

    @Option(names = "--justification", paramLabel = "WORD", description = "For not-affected: component-not-present, "
        + "vulnerable-code-not-present, vulnerable-code-not-in-execute-path, "
        + "vulnerable-code-cannot-be-controlled-by-adversary or inline-mitigations-already-exist.")
    String justification;

    @Option(names = "--why", paramLabel = "TEXT", description = "The impact statement: why this status holds.")
    String why;

    @Option(names = "--action", paramLabel = "TEXT", description = "The action statement: what users should do (affected).")
    String action;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decides (default: git config user.name, else $USER).")
    String by;

    @Override
    public Integer call() {
      VexStatus st = Names.parse(VexStatus.class, status.replace('_', '-')).orElseThrow(() -> new InvalidInputException(
          Problem.at("--status", "'" + status + "' is not a status; expected not-affected, affected, fixed or under-investigation")));
      Optional<VexJustification> j = Optional.ofNullable(justification).map(w -> VexJustification.parse(w)
          .orElseThrow(() -> new InvalidInputException(Problem.at("--justification", "'" + w + "' is not a justification; "
              + "expected component-not-present, vulnerable-code-not-present, vulnerable-code-not-in-execute-path, "
              + "vulnerable-code-cannot-be-controlled-by-adversary or inline-mitigations-already-exist"))));
      if (component.isBlank() || vuln.isBlank()) {
        throw new InvalidInputException(Problem.at(vuln.isBlank() ? "--vuln" : "--component", "is empty"));
      }
      if (component.startsWith("pkg:") && io.vigie.core.sbom.SbomComponent.purlProblem(component).isPresent()) {
        throw new InvalidInputException(Problem.at("--component", "'" + component + "' is not a valid package URL: "
            + io.vigie.core.sbom.SbomComponent.purlProblem(component).get()));
      }
      String assessed = version != null ? version.trim() : VexStatement.versionOf(component).orElse("");
      VexStatement statement;
      try {
        statement = new VexStatement(vuln.trim(), VexStatement.identityOf(component), assessed, st, j,
            Optional.ofNullable(why), Optional.ofNullable(action), who(by), Instant.now(), where.toScope(),
            "recorded by hand");
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(Problem.at(j.isEmpty() && st == VexStatus.NOT_AFFECTED ? "--justification" : "--status",
            e.getMessage()));
      }
      try (VulnerabilityDatabase database = VulnerabilityDatabase.open(db.location())) {
        database.vexStore().record(statement);
      }
      spec.commandLine().getOut().printf("recorded: %s in %s%s is %s (%s), by %s%n", statement.vulnerability(),
          statement.component(), assessed.isEmpty() ? "" : " " + assessed, Names.of(st), statement.scope().describe(),
          statement.author());
      return ExitCodes.OK;
    }
  }

  @Command(name = "import", description = "Import a CycloneDX VEX, OpenVEX or CSAF VEX document (format detected).",
      footer = {"", "Examples:", "  vigie vex import supplier-vex.cdx.json --scope product-line --product PumpOS --by 'PSIRT'",
          "  vigie vex import openvex.json --scope release --product PumpOS --release 1.1"})
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VulnDb db;
    @picocli.CommandLine.ArgGroup(exclusive = false, multiplicity = "1") ScopeOptions where;

    @Parameters(paramLabel = "FILE", description = "The VEX document.")
    Path file;

    @Option(names = "--by", paramLabel = "NAME",
        description = "Who imports it; the author of statements whose document names none (default: git user.name, else $USER).")
    String by;

    @Override
    public Integer call() {
      String importer = who(by);
      VexDocument doc = new VexReader().read(file, new VexImport(where.toScope(), importer, Instant.now()));
      List<VexStatement> statements = doc.statements().stream()
          .map(s -> s.withScope(s.scope(), s.origin() + " by " + importer)).toList();
      try (VulnerabilityDatabase database = VulnerabilityDatabase.open(db.location())) {
        database.vexStore().recordAll(statements);
      }
      PrintWriter err = spec.commandLine().getErr();
      doc.skipped().forEach(p -> err.println("warning: skipped " + p));
      spec.commandLine().getOut().printf("imported %d statements from %s (%s), %d skipped%n", statements.size(), file,
          Names.of(doc.format()), doc.skipped().size());
      return ExitCodes.OK;
    }
  }

  @Command(name = "export", description = "Write the decisions that hold for one release, carried ones included.",
      footer = {"", "Examples:", "  vigie vex export --format openvex --product PumpOS --release 1.1 --out pumpos-1.1.openvex.json",
          "  vigie vex export --format csaf --product PumpOS --release 1.1"})
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VulnDb db;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "cyclonedx, openvex or csaf.")
    String format;

    @Option(names = "--product", required = true, paramLabel = "NAME") String product;
    @Option(names = "--release", required = true, paramLabel = "VERSION") String release;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (whole or not at all) instead of stdout.")
    Path outFile;

    @Option(names = "--by", paramLabel = "NAME", description = "The document's author (default: git user.name, else $USER).")
    String by;

    @Override
    public Integer call() {
      String kind = format.toLowerCase(Locale.ROOT);
      if (!List.of("cyclonedx", "openvex", "csaf").contains(kind)) {
        throw new InvalidInputException(Problem.at("--format", "'" + format + "' is not a VEX format; expected cyclonedx, openvex or csaf"));
      }
      List<VexStatement> statements;
      try (VulnerabilityDatabase database = VulnerabilityDatabase.open(db.location())) {
        statements = database.vexStore().decisions().applicableTo(product, release).stream().map(AppliedVex::statement).toList();
      }
      VexExport export = new VexExport(product, release, who(by), Instant.now());
      String text = switch (kind) {
        case "cyclonedx" -> new CycloneDxVexWriter().write(statements, export);
        case "openvex" -> new OpenVexWriter().write(statements, export);
        default -> new CsafVexWriter().write(statements, export);
      };
      if (outFile != null) {
        OutputFiles.write(outFile, text + System.lineSeparator());
        spec.commandLine().getErr().printf("wrote %d statements to %s%n", statements.size(), outFile);
      } else {
        spec.commandLine().getOut().println(text);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", description = "The decisions recorded, oldest first, superseded ones marked.")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin VulnDb db;

    @Option(names = "--product", paramLabel = "NAME", description = "Only decisions that can hold for this product.")
    String product;

    @Option(names = "--release", paramLabel = "VERSION", description = "Only decisions that can hold for this release.")
    String release;

    @Option(names = "--vuln", paramLabel = "ID", description = "Only this vulnerability.")
    String vuln;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      VexDecisions decisions;
      try (VulnerabilityDatabase database = VulnerabilityDatabase.open(db.location())) {
        decisions = database.vexStore().decisions();
      }
      int n = 0;
      for (VexStatement s : decisions.statements()) {
        n++;
        VexScope sc = s.scope();
        boolean shown = (vuln == null || s.vulnerability().equals(vuln))
            && (product == null || sc.kind() == VexScope.Kind.PORTFOLIO || sc.product().orElse("").equals(product))
            && (release == null || sc.kind() != VexScope.Kind.RELEASE || sc.release().orElse("").equals(release));
        if (!shown) {
          continue;
        }
        out.printf("#%d %s %s %s %s%s: %s%s — %s%s%n", n, s.timestamp().atOffset(ZoneOffset.UTC).toLocalDate(), s.author(),
            s.vulnerability(), s.component(), s.componentVersion().isEmpty() ? "" : " " + s.componentVersion(),
            Names.of(s.status()), s.justification().map(j -> " (" + Names.of(j) + ")").orElse(""), sc.describe(),
            decisions.superseded(s) ? "  [superseded]" : "");
        s.impact().ifPresent(i -> out.println("    why: " + i));
        s.action().ifPresent(a -> out.println("    action: " + a));
        out.println("    from: " + s.origin());
      }
      if (n == 0) {
        out.println("no VEX decision recorded yet: `vigie vex record` or `vigie vex import`");
      }
      return ExitCodes.OK;
    }
  }
}
