package io.vigie.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.model.Component;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Names;
import io.vigie.core.model.Severity;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.vuln.EpssScore;
import io.vigie.core.vuln.KevEntry;
import io.vigie.core.vuln.match.MatchResult;
import io.vigie.core.vuln.match.NotChecked;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import io.vigie.core.vuln.match.VulnerabilityMatcher;
import io.vigie.core.vuln.priority.CvssScore;
import io.vigie.core.vuln.priority.ExploitEvidence;
import io.vigie.core.vuln.priority.MedicalDeviceContext;
import io.vigie.core.vuln.priority.Prioritizer;
import io.vigie.core.vuln.priority.Priority;
import io.vigie.formats.model.ModelYamlReader;
import io.vigie.formats.sbom.SbomReader;
import io.vigie.store.vuln.DatabaseStatus;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigie scan}: the vulnerabilities of an SBOM, matched by package URL and each ecosystem's
 * version rules, enriched with KEV and EPSS, scored from CVSS vectors (computed, never read) and
 * prioritised for patients with what the device model knows of the component.
 */
@Command(name = "scan",
    description = {"Vulnerabilities of an SBOM from the vulnerability database, prioritised for patients.",
        "Exits 1 on a known-exploited vulnerability, or a critical one in a component of serious or worse harm."},
    footer = {"", "Examples:", "  vigie scan --sbom sboms/api.cdx.json",
        "  vigie scan --sbom sboms/gateway.cdx.json --model vigie.yaml --component gateway --format json"})
final class ScanCommand implements Callable<Integer> {
  enum Format { table, json }

  @Spec CommandSpec spec;
  @Mixin VulnDb db;

  @Option(names = "--sbom", required = true, paramLabel = "FILE", description = "CycloneDX (1.4-1.6) or SPDX (2.2/2.3) SBOM.")
  Path sbom;

  @Option(names = "--model", paramLabel = "MODEL", description = "The device model, for reachability, health data and patient harm.")
  Path model;

  @Option(names = "--component", paramLabel = "ID",
      description = "The model's component the SBOM describes (default: the one whose sbom: names this file).")
  String component;

  @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--max-age-days", defaultValue = "7", paramLabel = "N",
      description = "Warn when the database was last updated more than N days ago (default: ${DEFAULT-VALUE}).")
  int maxAgeDays;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Sbom bom = new SbomReader().read(sbom);
    MedicalDeviceContext context = context(bom);
    try (VulnerabilityDatabase database = VulnerabilityDatabase.open(db.folder())) {
      DatabaseStatus status = database.status();
      if (status.advisories() == 0) {
        err.println("warning: the vulnerability database at " + db.folder() + " is empty: run `vigie db import` first");
      } else {
        status.lastImport().ifPresent(last -> {
          long days = Duration.between(last.finished(), Instant.now()).toDays();
          if (days > maxAgeDays) {
            err.println("warning: the vulnerability database was last updated " + days + " days ago (" + last.finished()
                + "); findings may be missing");
          }
        });
      }
      java.util.Set<String> known = database.affectedPackageNames();
      MatchResult result = new VulnerabilityMatcher((eco, name) -> known.contains(name) ? database.advisoriesFor(eco, name) : List.of())
          .match(bom.components());
      LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
      List<Row> rows = new ArrayList<>();
      for (VulnerabilityMatch m : result.matches()) {
        rows.add(row(database, m, context, today));
      }
      List<String> gate = gate(rows, context);
      if (format == Format.json) {
        out.println(json(bom, result, rows, gate));
      } else {
        table(out, bom, result, rows, gate);
      }
      return gate.isEmpty() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
    }
  }

  /** One finding with what was learnt about it. */
  private record Row(VulnerabilityMatch match, Optional<KevEntry> kev, Optional<EpssScore> epss, Optional<CvssScore> cvss,
      Optional<Priority> priority) {}

  private static Row row(VulnerabilityDatabase database, VulnerabilityMatch m, MedicalDeviceContext context, LocalDate today) {
    Optional<KevEntry> kev = Optional.empty();
    Optional<EpssScore> epss = Optional.empty();
    for (String id : m.ids()) {
      if (id.startsWith("CVE-")) {
        kev = kev.or(() -> database.kevEntry(id));
        epss = epss.or(() -> database.epssScore(id));
      }
    }
    Optional<CvssScore> cvss = Optional.empty();
    for (String vector : m.cvssVectors()) {
      try {
        CvssScore s = CvssScore.parse(vector);
        if (cvss.isEmpty() || s.baseScore() > cvss.get().baseScore()) {
          cvss = Optional.of(s);
        }
      } catch (InvalidInputException e) {
        // A vector the calculator refuses is left out; the others still score the finding.
      }
    }
    ExploitEvidence evidence = kev.map(k -> ExploitEvidence.kev(k.dueDate())).orElse(ExploitEvidence.none());
    if (epss.isPresent()) {
      evidence = evidence.withEpss(epss.get().probability());
    }
    ExploitEvidence finalEvidence = evidence;
    Optional<Priority> priority = cvss.map(c -> new Prioritizer().prioritize(c, finalEvidence, context, today));
    return new Row(m, kev, epss, cvss, priority);
  }

  private static List<String> gate(List<Row> rows, MedicalDeviceContext context) {
    List<String> reasons = new ArrayList<>();
    for (Row r : rows) {
      if (r.kev().isPresent()) {
        reasons.add(r.match().id() + " in " + r.match().componentName() + " is known exploited (CISA KEV)");
      } else if (r.cvss().isPresent() && r.cvss().get().baseScore() >= 9.0 && context.patientHarm().atLeast(Severity.SERIOUS)) {
        reasons.add(r.match().id() + " in " + r.match().componentName() + " is critical (CVSS " + r.cvss().get().baseScore()
            + ") in a component of " + Names.of(context.patientHarm()) + " patient harm");
      }
    }
    return reasons;
  }

  /** What the model knows of the component this SBOM describes; the rubric's worst case without a model. */
  private MedicalDeviceContext context(Sbom bom) {
    String name = bom.describes().map(d -> d.name()).orElse(sbom.getFileName().toString());
    if (model == null) {
      return MedicalDeviceContext.unknown(name);
    }
    DeviceModel m = new ModelYamlReader().read(ModelFiles.resolve(model));
    ModelIndex index = ModelIndex.of(m);
    Optional<Component> c = component != null
        ? m.components().stream().filter(x -> x.id().equals(component)).findFirst()
        : m.components().stream().filter(x -> x.sbom().map(s -> Path.of(s).getFileName().equals(sbom.getFileName())).orElse(false)).findFirst();
    if (c.isEmpty()) {
      throw new InvalidInputException(io.vigie.core.validation.Problem.at(component != null ? "--component" : "--sbom",
          component != null ? "no component '" + component + "' in " + model
              : "no component of " + model + " names " + sbom.getFileName() + " in its sbom: field; give --component"));
    }
    Component x = c.get();
    boolean authenticated = !index.flowsTo(x.id()).isEmpty() && index.flowsTo(x.id()).stream().allMatch(f -> f.authentication().isPresent());
    return new MedicalDeviceContext(x.name(), index.reachability(x), index.handlesAny(x, EnumSet.of(DataCategory.HEALTH)),
        x.harmSeverity(), x.clinicalFunction().isPresent(), authenticated);
  }

  private void table(PrintWriter out, Sbom bom, MatchResult result, List<Row> rows, List<String> gate) {
    out.printf("%s: %d components, %d vulnerabilities, %d components not checked%n", sbom, result.components(),
        rows.size(), result.notChecked().size());
    for (Row r : rows) {
      VulnerabilityMatch m = r.match();
      out.printf("%n%-16s %s %s%n", r.priority().map(p -> p.priorityClass().name()).orElse("UNSCORED"), m.id(), m.componentName());
      out.printf("  also: %s%n", String.join(", ", m.ids().stream().filter(i -> !i.equals(m.id())).toList()));
      out.printf("  CVSS %s · EPSS %s · KEV %s%n", r.cvss().map(c -> c.baseScore() + " (" + c.version().prefix() + ")").orElse("none"),
          r.epss().map(e -> String.format(java.util.Locale.ROOT, "%.3f", e.probability())).orElse("n/a"),
          r.kev().map(k -> "yes, due " + k.dueDate()).orElse("no"));
      r.priority().ifPresent(p -> out.println("  why: " + p.explanation()));
      m.provenance().forEach(p -> out.println("  from " + p.source() + " " + p.record() + ": " + p.rule()));
    }
    if (!result.notChecked().isEmpty()) {
      out.printf("%nNot checked (%d):%n", result.notChecked().size());
      for (NotChecked n : result.notChecked()) {
        out.printf("  %s: %s%n", n.componentName(), n.reason());
      }
    }
    out.println();
    if (gate.isEmpty()) {
      out.println("Gate passed.");
    } else {
      out.println("Gate FAILED:");
      gate.forEach(g -> out.println("  - " + g));
    }
  }

  private String json(Sbom bom, MatchResult result, List<Row> rows, List<String> gate) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("sbom", sbom.toString());
    root.put("components", result.components());
    ArrayNode findings = root.putArray("vulnerabilities");
    for (Row r : rows) {
      VulnerabilityMatch m = r.match();
      ObjectNode n = findings.addObject();
      n.put("id", m.id());
      ArrayNode ids = n.putArray("ids");
      m.ids().forEach(ids::add);
      n.put("component", m.componentRef());
      n.put("componentName", m.componentName());
      n.put("purl", m.purl());
      n.put("version", m.version());
      n.put("summary", m.summary());
      r.cvss().ifPresent(c -> n.put("cvss", c.baseScore()).put("cvssVector", c.vector()));
      r.epss().ifPresent(e -> n.put("epss", e.probability()));
      n.put("knownExploited", r.kev().isPresent());
      r.kev().ifPresent(k -> n.put("kevDueDate", k.dueDate().toString()));
      r.priority().ifPresent(p -> {
        n.put("priority", Names.of(p.priorityClass()));
        n.put("postmarketRisk", Names.of(p.postmarketRisk()));
        n.put("explanation", p.explanation());
      });
      ArrayNode prov = n.putArray("provenance");
      m.provenance().forEach(p -> prov.addObject().put("advisory", p.advisory()).put("source", p.source())
          .put("record", p.record()).put("rule", p.rule()));
    }
    ArrayNode nc = root.putArray("notChecked");
    result.notChecked().forEach(x -> nc.addObject().put("component", x.componentRef()).put("name", x.componentName()).put("reason", x.reason()));
    ObjectNode g = root.putObject("gate");
    g.put("passed", gate.isEmpty());
    ArrayNode reasons = g.putArray("reasons");
    gate.forEach(reasons::add);
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }
}
