package io.vigie.cli;

import io.vigie.core.model.Component;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Names;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.vuln.VulnerabilityFinding;
import io.vigie.core.vuln.VulnerabilityGate;
import io.vigie.core.vuln.VulnerabilityScan;
import io.vigie.core.vuln.match.NotChecked;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import io.vigie.core.vuln.priority.MedicalDeviceContext;
import io.vigie.core.vuln.priority.ModelContext;
import io.vigie.formats.model.ModelYamlReader;
import io.vigie.formats.sbom.SbomReader;
import io.vigie.formats.vex.CycloneDxVexWriter;
import io.vigie.formats.vuln.SarifWriter;
import io.vigie.formats.vuln.ScanJsonWriter;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vigie scan}: the vulnerabilities of an SBOM, matched by package URL and each ecosystem's
 * version rules, enriched with KEV and EPSS, scored from CVSS vectors (computed, never read) and
 * prioritised for patients with what the device model knows of the component.
 */
@Command(name = "scan",
    description = {"Vulnerabilities of an SBOM from the vulnerability database, prioritised for patients.",
        "Exits 1 on a known-exploited vulnerability, or a critical one in a component of serious or worse harm."},
    footer = {"", "Examples:", "  vigie scan --sbom sboms/api.cdx.json",
        "  vigie scan --sbom sboms/gateway.cdx.json --model vigie.yaml --component gateway --format json",
        "  vigie scan --sbom sboms/api.cdx.json --model vigie.yaml --format sarif > vigie.sarif",
        "  vigie scan --sbom sboms/pump-1.1.cdx.json --product PumpOS --release 1.1 --format cyclonedx-vex",
        "  vigie scan --sbom firmware.cdx.json --cpe sbom"})
final class ScanCommand implements Callable<Integer> {
  enum Format { table, json, sarif, cyclonedx_vex }

  /** Accepts the documented spelling {@code cyclonedx-vex} for the enum constant. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; expected table, json, sarif or cyclonedx-vex");
      }
    }
  }

  @Spec CommandSpec spec;
  @Mixin VulnDb db;

  @Option(names = "--sbom", required = true, paramLabel = "FILE", description = "CycloneDX (1.4-1.6) or SPDX (2.2/2.3) SBOM.")
  Path sbom;

  @Option(names = "--model", paramLabel = "MODEL", description = "The device model, for reachability, health data and patient harm.")
  Path model;

  @Option(names = "--component", paramLabel = "ID",
      description = "The model's component the SBOM describes (default: the one whose sbom: names this file).")
  String component;

  @Option(names = "--format", defaultValue = "table", converter = FormatConverter.class,
      description = "table, json, sarif (SARIF 2.1.0 for GitHub code scanning) or cyclonedx-vex (a CycloneDX 1.6 VEX of the findings); default: table.")
  Format format;

  @Option(names = "--product", paramLabel = "NAME",
      description = "The product scanned, for VEX decisions (default: the model's device name, else the SBOM's subject).")
  String product;

  @Option(names = "--release", paramLabel = "VERSION",
      description = "Its release (default: the model's device version, else the SBOM subject's version).")
  String release;

  enum CpeOption { off, sbom, guess }

  @Option(names = "--cpe", defaultValue = "off", paramLabel = "MODE",
      description = {"CPE matching (NVD) of the components a package URL cannot check (firmware, OS, C libraries):",
          "off (default), sbom (the SBOM's own CPEs, medium confidence), guess (also a CPE built from "
          + "supplier and name, low confidence, never failing the gate by itself)."})
  CpeOption cpe;

  @Option(names = "--max-age-days", defaultValue = "7", paramLabel = "N",
      description = "Warn when the database was last updated more than N days ago (default: ${DEFAULT-VALUE}).")
  int maxAgeDays;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    io.vigie.store.DatabaseLocation location = db.location();
    io.vigie.core.vuln.cpe.CpeMode cpeMode = io.vigie.core.vuln.cpe.CpeMode.valueOf(cpe.name().toUpperCase(java.util.Locale.ROOT));
    // Everything the database side needs (H2's first connection, the schema check, the freshness
    // questions, the VEX decisions, the package names and CSAF keys the matchers look up: half a
    // second of a cold JVM) runs on a second core while this one reads the SBOM, the other slow
    // step. Only for a database that exists: a scan refused for a bad SBOM must not create one.
    java.util.concurrent.CompletableFuture<Prepared> opening = exists(location)
        ? java.util.concurrent.CompletableFuture.supplyAsync(() -> prepare(location, cpeMode)) : null;
    Sbom bom;
    MedicalDeviceContext context;
    String productName;
    String releaseName;
    try {
      bom = new SbomReader().read(sbom);
      Optional<DeviceModel> deviceModel = model == null ? Optional.empty()
          : Optional.of(new ModelYamlReader().read(ModelFiles.resolve(model)));
      context = context(bom, deviceModel);
      Optional<io.vigie.core.model.Device> device = deviceModel.map(DeviceModel::device);
      productName = product != null ? product : device.map(d -> d.name())
          .orElse(bom.describes().map(d -> d.name()).orElse(sbom.getFileName().toString()));
      releaseName = release != null ? release : device.map(d -> d.version())
          .orElse(bom.describes().flatMap(d -> d.version()).orElse(""));
    } catch (RuntimeException e) {
      if (opening != null) {
        opening.thenAccept(p -> p.database().close());
      }
      throw e;
    }
    Prepared prepared = opening != null ? joined(opening) : prepare(location, cpeMode);
    try (VulnerabilityDatabase database = prepared.database()) {
      prepared.warnings().forEach(err::println);
      Main.printWarnings(err, bom);
      VulnerabilityScan scan = prepared.run().scan(bom, sbom.toString(), context, productName, releaseName);
      switch (format) {
        case json -> {
          new ScanJsonWriter().write(scan, out);
          out.println();
        }
        case cyclonedx_vex -> out.println(new CycloneDxVexWriter().writeScan(scan, productName, releaseName,
            java.time.Instant.now()));
        case sarif -> {
          new SarifWriter(toolVersion()).write(scan, SarifLocations.repositoryRelative(sbom), SarifLocations.text(sbom), out);
          out.println();
        }
        case table -> table(out, scan);
      }
      return scan.gatePassed() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
    }
  }

  /** The open database, ready to scan: its warnings are printed by the caller, in order. */
  private record Prepared(VulnerabilityDatabase database, ScanRun run, java.util.List<String> warnings) {}

  private Prepared prepare(io.vigie.store.DatabaseLocation location, io.vigie.core.vuln.cpe.CpeMode cpeMode) {
    VulnerabilityDatabase database = VulnerabilityDatabase.open(location);
    try {
      java.util.List<String> warnings = new java.util.ArrayList<>();
      ScanRun.upgradeNotice(database, location.display()).ifPresent(warnings::add);
      ScanRun.staleWarning(database, location.display(), maxAgeDays).ifPresent(warnings::add);
      if (cpeMode != io.vigie.core.vuln.cpe.CpeMode.OFF && !database.hasNvdData()) {
        warnings.add("warning: --cpe " + cpe + " asked, but no NVD data is imported: run `vigie db import --nvd` first");
      }
      ScanRun run = new ScanRun(database, VulnerabilityGate.Policy.defaults(), LocalDate.now(ZoneOffset.UTC),
          database.vexStore().decisions(), cpeMode);
      return new Prepared(database, run, warnings);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static boolean exists(io.vigie.store.DatabaseLocation location) {
    return !(location instanceof io.vigie.store.DatabaseLocation.DataFolder f) || VulnerabilityDatabase.existsIn(f.folder());
  }

  /** The opened database, or the opening's own exception (an unreachable server is exit 2, not 3). */
  private static Prepared joined(java.util.concurrent.CompletableFuture<Prepared> opening) {
    try {
      return opening.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static String toolVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  /** What the model knows of the component this SBOM describes; the rubric's worst case without a model. */
  private MedicalDeviceContext context(Sbom bom, Optional<DeviceModel> deviceModel) {
    String name = bom.describes().map(d -> d.name()).orElse(sbom.getFileName().toString());
    if (deviceModel.isEmpty()) {
      return MedicalDeviceContext.unknown(name);
    }
    DeviceModel m = deviceModel.get();
    ModelIndex index = ModelIndex.of(m);
    Optional<Component> c = component != null
        ? m.components().stream().filter(x -> x.id().equals(component)).findFirst()
        : m.components().stream().filter(x -> x.sbom().map(s -> Path.of(s).getFileName().equals(sbom.getFileName())).orElse(false)).findFirst();
    if (c.isEmpty()) {
      throw new InvalidInputException(io.vigie.core.validation.Problem.at(component != null ? "--component" : "--sbom",
          component != null ? "no component '" + component + "' in " + model
              : "no component of " + model + " names " + sbom.getFileName() + " in its sbom: field; give --component"));
    }
    return ModelContext.of(index, c.get());
  }

  private static void table(PrintWriter out, VulnerabilityScan scan) {
    out.printf("%s: %d components, %d vulnerabilities, %d components not checked%n", scan.sbom(), scan.components(),
        scan.findings().size(), scan.notChecked().size());
    for (VulnerabilityFinding f : scan.findings()) {
      VulnerabilityMatch m = f.match();
      out.printf("%n%-16s %s %s%n", f.priority().map(p -> p.priorityClass().name()).orElse("UNSCORED"), m.id(), m.componentName());
      out.printf("  also: %s%n", String.join(", ", m.ids().stream().filter(i -> !i.equals(m.id())).toList()));
      out.printf("  CVSS %s · EPSS %s · KEV %s%n", f.cvss().map(c -> c.baseScore() + " (" + c.version().prefix() + ")").orElse("none"),
          f.epss().map(e -> String.format(java.util.Locale.ROOT, "%.3f", e.probability())).orElse("n/a"),
          f.kev().map(k -> "yes, due " + k.dueDate()).orElse("no"));
      f.priority().ifPresent(p -> out.println("  why: " + p.explanation()));
      out.println("  VEX: " + f.vex().map(v -> v.stateWords() + (v.status().clearsGate() ? ", not gated" : "") + " — "
          + v.explanation() + v.statement().impact().map(i -> "; why: " + i).orElse("")).orElse("no decision recorded"));
      m.provenance().forEach(p -> out.println("  from " + p.source() + " " + p.record() + " (" + p.method().label() + ", "
          + Names.of(p.confidence()) + " confidence): " + p.rule()));
    }
    if (!scan.notChecked().isEmpty()) {
      out.printf("%nNot checked (%d):%n", scan.notChecked().size());
      for (NotChecked n : scan.notChecked()) {
        out.printf("  %s: %s%n", n.componentName(), n.reason());
      }
    }
    out.println();
    if (scan.gatePassed()) {
      out.println("Gate passed.");
    } else {
      out.println("Gate FAILED:");
      scan.gateReasons().forEach(g -> out.println("  - " + g));
    }
  }
}
