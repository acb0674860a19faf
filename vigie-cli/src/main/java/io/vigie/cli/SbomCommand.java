package io.vigie.cli;

import io.vigie.core.model.Component;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.sbom.CompletenessReport;
import io.vigie.core.sbom.ComponentCompleteness;
import io.vigie.core.sbom.ElementTotal;
import io.vigie.core.sbom.FdaElement;
import io.vigie.core.sbom.KnownVulnerabilities;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.sbom.SbomCompleteness;
import io.vigie.core.sbom.SupportInfo;
import io.vigie.core.vuln.match.MatchResult;
import io.vigie.core.vuln.match.VulnerabilityMatcher;
import io.vigie.formats.model.ModelYamlReader;
import io.vigie.formats.sbom.SbomReader;
import io.vigie.formats.sbom.SupportFileReader;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigie sbom}: SBOMs as regulators read them. */
@Command(name = "sbom", description = "SBOMs as regulators read them.", subcommands = SbomCommand.Check.class)
final class SbomCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(name = "check",
      description = {"Per component, which elements the FDA expects of an SBOM are present or missing (supplier, name, "
          + "version, unique identifier, dependencies, author, timestamp, level of support, end of support, known "
          + "vulnerabilities). Support level and end of support come from a side file when the SBOM lacks them."},
      footer = {"", "Examples:", "  vigie sbom check sboms/*.cdx.json --support sboms/support.yaml",
          "  vigie sbom check sboms/api.cdx.json --db ~/.vigie/db --model vigie.yaml"})
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SBOM", description = "CycloneDX or SPDX SBOMs.")
    List<Path> sboms;

    @Option(names = "--support", paramLabel = "FILE", description = "Support level and end-of-support dates (YAML, see docs/sbom.md).")
    Path support;

    @Option(names = "--db", paramLabel = "DIR|URL",
        description = "A vulnerability database (a folder or jdbc:postgresql:// URL), to judge the known-vulnerabilities element.")
    String db;

    @Option(names = "--model", paramLabel = "MODEL", description = "The device model: its components without an SBOM are listed as gaps.")
    Path model;

    @Option(names = "--all", description = "List every incomplete component (default: the first 25 of each SBOM).")
    boolean all;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Map<String, SupportInfo> supportInfo = support == null ? Map.of() : new SupportFileReader().read(support);
      SbomReader reader = new SbomReader();
      try (VulnerabilityDatabase database = db == null ? null : VulnerabilityDatabase.open(VulnDb.location(db, System.getenv()))) {
        // One source for every SBOM: the advisories their packages share are read once.
        io.vigie.core.vuln.match.AdvisorySource advisories = database == null ? null : database.advisorySource();
        for (Path file : sboms) {
          Sbom sbom = reader.read(file);
          Main.printWarnings(spec.commandLine().getErr(), sbom);
          Optional<Map<String, KnownVulnerabilities>> known = Optional.empty();
          if (database != null) {
            MatchResult r = new VulnerabilityMatcher(advisories).match(sbom.components());
            Map<String, List<String>> ids = new HashMap<>();
            sbom.components().forEach(c -> ids.put(c.ref(), new java.util.ArrayList<>()));
            r.matches().forEach(m -> ids.get(m.componentRef()).add(m.id()));
            r.notChecked().forEach(n -> ids.remove(n.componentRef()));
            Map<String, KnownVulnerabilities> k = new HashMap<>();
            ids.forEach((ref, list) -> k.put(ref, new KnownVulnerabilities(list)));
            known = Optional.of(k);
          }
          print(out, file, SbomCompleteness.check(sbom, supportInfo, known));
        }
      }
      if (model != null) {
        DeviceModel m = new ModelYamlReader().read(ModelFiles.resolve(model));
        List<Component> without = m.components().stream().filter(c -> c.sbom().isEmpty()).toList();
        out.printf("%nModel components without an SBOM (%d of %d):%n", without.size(), m.components().size());
        without.forEach(c -> out.printf("  %s (%s)%n", c.id(), io.vigie.core.model.Names.of(c.kind())));
      }
      return ExitCodes.OK;
    }

    private void print(PrintWriter out, Path file, CompletenessReport report) {
      out.printf("%s: %d components%n", file, report.components().size());
      for (ElementTotal t : report.totals()) {
        out.printf("  %-38s %5d / %-5d %5.1f %%%n", t.element().label(), t.present(), t.components(), t.percentComplete());
      }
      List<ComponentCompleteness> incomplete = report.components().stream().filter(c -> !c.isComplete()).toList();
      out.printf("  %d components incomplete%s%n", incomplete.size(), incomplete.isEmpty() ? "" : ":");
      int n = 0;
      for (ComponentCompleteness c : incomplete) {
        if (!all && n++ == 25) {
          out.printf("    … and %d more (--all lists them)%n", incomplete.size() - 25);
          break;
        }
        out.printf("    %s%s: missing %s%n", c.name(), c.version().map(v -> "@" + v).orElse(""),
            String.join(", ", c.missing().stream().map(FdaElement::label).toList()));
      }
      out.println();
    }
  }
}
