package io.vigie.report;

import io.vigie.core.analysis.Analysis;
import io.vigie.core.analysis.Summary;
import io.vigie.core.model.Device;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Hazard;
import io.vigie.core.model.Names;
import io.vigie.core.model.SecurityControl;
import io.vigie.core.model.Verification;
import io.vigie.core.risk.Risk;
import io.vigie.core.risk.RiskLevel;
import io.vigie.core.risk.RiskMatrix;
import io.vigie.core.threat.Threat;
import io.vigie.core.vuln.DeviceVulnerabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The security risk assessment as GitHub-flavoured Markdown, for review in the repository next
 * to the model. Same content as {@link HtmlReport} but the diagram, which only the HTML holds.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(DeviceModel model, Analysis analysis) {
    return render(model, analysis, RiskMatrix.defaults());
  }

  /** With the Vulnerabilities section (the SBOM scans of the model's components, or why there are none). */
  public static String render(DeviceModel model, Analysis analysis, DeviceVulnerabilities vulnerabilities) {
    return render(model, analysis, RiskMatrix.defaults(), Optional.of(vulnerabilities));
  }

  public static String render(DeviceModel model, Analysis analysis, RiskMatrix matrix) {
    return render(model, analysis, matrix, Optional.empty());
  }

  public static String render(DeviceModel model, Analysis analysis, RiskMatrix matrix, Optional<DeviceVulnerabilities> vulnerabilities) {
    StringBuilder m = new StringBuilder(32 * 1024 + analysis.risks().size() * 600);
    Device d = model.device();
    m.append("# ").append(Escape.markdown(d.name())).append(d.version().isEmpty() ? "" : " " + Escape.markdown(d.version()))
        .append(": security risk assessment\n\n");
    field(m, "Manufacturer", d.manufacturer());
    field(m, "Intended use", d.intendedUse());
    field(m, "Markets", String.join(", ", d.markets()));
    field(m, "Device class", d.deviceClass());
    m.append('\n');
    Summary s = analysis.summary();
    m.append(s.gatePassed() ? "**Every residual risk is acceptable under the policy.**\n\n"
        : "**" + s.unacceptable() + (s.unacceptable() == 1 ? " residual risk is" : " residual risks are") + " NOT acceptable under the policy.**\n\n");
    m.append(s.components()).append(" components · ").append(s.flows()).append(" data flows · ").append(s.zones()).append(" trust zones · ")
        .append(s.assets()).append(" data assets · ").append(s.controls()).append(" controls · ").append(s.threats()).append(" threats\n\n");
    List<String> parts = new ArrayList<>();
    for (RiskLevel l : RiskLevel.values()) {
      parts.add(s.residualByLevel().getOrDefault(l, 0) + " " + Names.of(l));
    }
    m.append("Residual risks: ").append(String.join(", ", parts)).append(".\n\n");
    vulnerabilities.ifPresent(v -> m.append("**").append(Escape.markdown(VulnerabilitySection.headline(v))).append("**\n\n"));
    m.append("The data-flow diagram with its trust boundaries is in `report.html`.\n\n");

    m.append("## Risk matrix\n\nInherent (before controls):\n\n").append(HeatMap.inherent(matrix, analysis).markdown())
        .append("\nResidual (after controls):\n\n").append(HeatMap.residual(matrix, analysis).markdown()).append('\n');

    m.append("## Threats\n\n| ID | category | title | elements | description | CWE |\n| --- | --- | --- | --- | --- | --- |\n");
    for (Threat t : analysis.threats()) {
      m.append("| `").append(Escape.code(t.id())).append("` | ").append(Names.of(t.category()))
          .append(t.privacy().map(p -> " (privacy: " + Names.of(p) + ")").orElse("")).append(" | ").append(Escape.markdown(t.title()))
          .append(" | ").append(Escape.markdown(String.join(", ", t.elements()))).append(" | ").append(Escape.markdown(t.description()))
          .append(" | ").append(String.join(" ", t.cwe().stream().map(c -> "CWE-" + c).toList())).append(" |\n");
    }
    m.append("\n## Risk register\n\n| risk | exploitability | severity | level | residual | acceptable | controls | missing | safety risks |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Risk r : analysis.risks()) {
      m.append("| `").append(Escape.code(r.id())).append("` | ").append(Names.of(r.exploitability())).append(" → ")
          .append(Names.of(r.residualExploitability())).append(" | ").append(Names.of(r.severity())).append(" | ").append(Names.of(r.level()))
          .append(" | ").append(Names.of(r.residualLevel())).append(" | ")
          .append(r.acceptable() ? (r.accepted() ? "accepted" : "yes") : "**no**").append(" | ")
          .append(Escape.markdown(String.join(", ", r.controls()))).append(" | ").append(Escape.markdown(String.join(", ", r.missingMitigations())))
          .append(" | ").append(Escape.markdown(String.join(", ", r.safetyRisks()))).append(" |\n");
    }
    m.append("\n### Why each risk has its level\n\n");
    for (Risk r : analysis.risks()) {
      m.append("- `").append(Escape.code(r.id())).append("`: ").append(Escape.markdown(String.join(" ", r.explanation()))).append('\n');
    }
    vulnerabilities.ifPresent(v -> VulnerabilitySection.markdown(m, v));
    m.append("\n## Security controls and their verification\n\n| control | FDA category | provides | protects | status | verification |\n")
        .append("| --- | --- | --- | --- | --- | --- |\n");
    for (SecurityControl c : model.controls().stream().sorted(java.util.Comparator.comparing(SecurityControl::id)).toList()) {
      m.append("| **").append(Escape.markdown(c.id())).append("** ").append(Escape.markdown(c.name())).append(" | ")
          .append(c.category().appendixLetter()).append(". ").append(Names.of(c.category())).append(" | ")
          .append(String.join(", ", c.provides().stream().map(Names::of).toList())).append(" | ")
          .append(Escape.markdown(String.join(", ", c.protects()))).append(" | ").append(Names.of(c.status())).append(" | ");
      List<String> v = new ArrayList<>();
      for (Verification x : c.verification()) {
        v.add(x.method() + ": " + x.reference());
      }
      m.append(v.isEmpty() ? "*none*" : Escape.markdown(String.join("; ", v))).append(" |\n");
    }
    if (!model.hazards().isEmpty()) {
      m.append("\n## Links to the safety risk file (ISO 14971)\n\n| hazard | severity | security risks that can lead to it |\n| --- | --- | --- |\n");
      for (Hazard z : model.hazards()) {
        List<String> risks = analysis.risks().stream().filter(r -> r.safetyRisks().contains(z.id())).map(Risk::id).toList();
        m.append("| **").append(Escape.markdown(z.id())).append("** ").append(Escape.markdown(z.title())).append(" | ")
            .append(Names.of(z.severity())).append(" | ").append(risks.isEmpty() ? "*none*" : Escape.markdown(String.join(", ", risks))).append(" |\n");
      }
    }
    return m.toString();
  }

  private static void field(StringBuilder m, String k, String v) {
    m.append("- **").append(k).append(":** ").append(v.isEmpty() ? "*not stated*" : Escape.markdown(v)).append('\n');
  }
}
