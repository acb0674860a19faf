package io.vigie.cli;

import io.vigie.core.analysis.Analysis;
import io.vigie.core.analysis.Analyzer;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.risk.Risk;
import io.vigie.core.risk.RiskPolicy;
import io.vigie.core.threat.rules.BuiltInRules;
import io.vigie.core.vuln.DeviceVulnerabilities;
import io.vigie.formats.analysis.AnalysisJsonWriter;
import io.vigie.formats.model.ModelYamlReader;
import io.vigie.report.HtmlReport;
import io.vigie.report.MarkdownReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigie analyze}: threats, security risk assessment and reports for one device model. */
@Command(
    name = "analyze",
    description = {
      "Derive the threats and the security risk assessment of a device model and write the reports.",
      "Exits 1 when a residual risk is not acceptable under the policy, or when a vulnerability in a component's SBOM "
        + "fails the vulnerability gate (the gate). SBOMs are checked when a vulnerability database is there (--db, $VIGIE_DB "
        + "or ~/.vigie/db); without one the reports say that vulnerabilities were not checked."
    },
    footer = {
      "",
      "Examples:",
      "  vigie analyze examples/postop-followup",
      "  vigie analyze model.yaml --out build/security --format json,md",
      "  vigie analyze examples/postop-followup --db ~/.vigie/db"
    })
final class AnalyzeCommand implements Callable<Integer> {
  enum Format { html, md, json }

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "MODEL",
      description = "The model file, or a folder holding vigie.yaml (default: the current folder).")
  Path model;

  @Option(names = {"-o", "--out"}, defaultValue = "vigie-out", paramLabel = "DIR",
      description = "Folder for analysis.json, report.md and report.html (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--format", split = ",", paramLabel = "FORMAT",
      description = "Which files to write, comma-separated: html, md, json (default: all).")
  List<Format> formats = List.of(Format.values());

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
  boolean quiet;

  @Mixin VulnDb db;

  @Option(names = "--no-db", description = "Do not check the SBOMs for vulnerabilities (the reports say so).")
  boolean noDb;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    Progress progress = new Progress(spec.commandLine().getErr(), quiet);
    Path file = ModelFiles.resolve(model);
    DeviceModel device = new ModelYamlReader().read(file);
    progress.done("read " + file + " (" + device.components().size() + " components, " + device.flows().size() + " flows)");

    Analysis analysis = new Analyzer(BuiltInRules.all(), RiskPolicy.defaults()).analyze(device);
    progress.done("derived " + analysis.threats().size() + " threats and assessed their risks");

    DeviceVulnerabilities vulnerabilities = DeviceVulnerabilityRun.run(file, device, db, noDb, spec.commandLine().getErr(), progress);

    EnumSet<Format> wanted = formats.isEmpty() ? EnumSet.allOf(Format.class) : EnumSet.copyOf(formats);
    // The three files are independent: write them on every core.
    List<CompletableFuture<String>> writes = new ArrayList<>();
    if (wanted.contains(Format.json)) {
      writes.add(CompletableFuture.supplyAsync(() -> {
        OutputFiles.write(out.resolve("analysis.json"), w -> new AnalysisJsonWriter().write(analysis, Optional.of(vulnerabilities), w));
        return "analysis.json";
      }));
    }
    if (wanted.contains(Format.md)) {
      writes.add(CompletableFuture.supplyAsync(() -> {
        OutputFiles.write(out.resolve("report.md"), MarkdownReport.render(device, analysis, vulnerabilities));
        return "report.md";
      }));
    }
    if (wanted.contains(Format.html)) {
      writes.add(CompletableFuture.supplyAsync(() -> {
        OutputFiles.write(out.resolve("report.html"), HtmlReport.render(device, analysis, vulnerabilities));
        return "report.html";
      }));
    }
    List<String> written = new ArrayList<>();
    for (CompletableFuture<String> w : writes) {
      try {
        written.add(w.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    progress.done("wrote " + String.join(", ", written) + " to " + out);

    int unacceptable = analysis.summary().unacceptable();
    stdout.printf("%s %s: %d threats, %d risks; residual: %s.%n", device.device().name(),
        device.device().version(), analysis.threats().size(), analysis.risks().size(),
        residualCounts(analysis));
    stdout.println(vulnerabilities.checked()
        ? "Vulnerabilities: " + vulnerabilities.findings() + " in " + vulnerabilities.scans().size() + " component SBOMs."
        : "Vulnerabilities NOT checked: " + vulnerabilities.notCheckedReason().get());
    List<String> vulnerable = vulnerabilities.gateReasons();
    if (unacceptable == 0 && vulnerable.isEmpty()) {
      stdout.println("Gate passed: every residual risk is acceptable under the policy"
          + (vulnerabilities.checked() ? " and no vulnerability fails the vulnerability gate." : "."));
      return ExitCodes.OK;
    }
    if (unacceptable > 0) {
      stdout.printf("Gate FAILED: %d residual %s not acceptable under the policy:%n", unacceptable,
          unacceptable == 1 ? "risk is" : "risks are");
      for (Risk r : analysis.risks()) {
        if (!r.acceptable()) {
          stdout.printf("  - %s [%s]%s%n", r.threat(), io.vigie.core.model.Names.of(r.residualLevel()),
              r.missingMitigations().isEmpty() ? "" : " missing: " + String.join(", ", r.missingMitigations()));
        }
      }
    }
    if (!vulnerable.isEmpty()) {
      stdout.printf("Gate FAILED: %d %s the vulnerability gate:%n", vulnerable.size(),
          vulnerable.size() == 1 ? "vulnerability fails" : "vulnerabilities fail");
      vulnerable.forEach(v -> stdout.println("  - " + v));
    }
    return ExitCodes.GATE_FAILED;
  }

  private static String residualCounts(Analysis analysis) {
    StringBuilder s = new StringBuilder();
    analysis.summary().residualByLevel().forEach((level, count) -> {
      if (s.length() > 0) {
        s.append(", ");
      }
      s.append(count).append(' ').append(io.vigie.core.model.Names.of(level));
    });
    return s.toString();
  }
}
