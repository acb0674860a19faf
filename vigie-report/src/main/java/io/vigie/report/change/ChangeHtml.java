package io.vigie.report.change;

import io.vigie.core.change.ChangeImpact;
import io.vigie.core.change.ChangeType;
import io.vigie.core.change.ElementChange;
import io.vigie.core.change.FieldChange;
import io.vigie.core.change.ImpactedElement;
import io.vigie.core.change.MappedFile;
import io.vigie.core.change.PackageChange;
import io.vigie.core.change.RiskChange;
import io.vigie.core.change.ThreatChange;
import io.vigie.core.model.Names;
import io.vigie.core.risk.RiskLevel;
import io.vigie.report.Escape;
import java.util.Optional;

/** The change impact as one self-contained HTML page (no script, no external resource). */
public final class ChangeHtml {
  private ChangeHtml() {}

  public static String render(ChangeImpact c) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
        .append("<title>Vigie change impact</title>\n<style>")
        .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#1b1f24}")
        .append("table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #ccd;padding:4px 6px;vertical-align:top;text-align:left}")
        .append("th{background:#eef}.fail{color:#b00020;font-weight:bold}.pass{color:#0a7a2f;font-weight:bold}")
        .append(".flag{background:#fff3cd}code{font-size:12px}blockquote{border-left:4px solid #99a;margin:0;padding:.2em 1em;background:#f6f7fa}")
        .append("</style></head><body>\n");
    h.append("<h1>Change impact: <code>").append(e(c.base())).append("</code> → <code>").append(e(c.head())).append("</code></h1>\n");
    if (c.gatePassed()) {
      h.append("<p class=\"pass\">Gate passed.</p>\n");
    } else {
      h.append("<p class=\"fail\">Gate FAILED</p><ul>");
      c.gateReasons().forEach(r -> h.append("<li>").append(e(r)).append("</li>"));
      h.append("</ul>\n");
    }
    h.append("<blockquote>").append(e(c.verdict())).append("</blockquote>\n");
    if (!c.impacted().isEmpty()) {
      h.append("<h2>Impacted elements</h2><table><tr><th>element</th><th>why</th><th>patient safety</th><th>data integrity</th>")
          .append("<th>risks (residual before → after)</th><th>controls</th><th>tests to re-run</th></tr>\n");
      for (ImpactedElement i : c.impacted()) {
        h.append("<tr><td><code>").append(e(i.id())).append("</code> ").append(e(i.kind())).append(i.direct() ? "" : " (via flows)")
            .append("</td><td>").append(e(String.join("; ", i.reasons()))).append("</td>")
            .append(i.patientSafety() ? "<td class=\"flag\">yes</td>" : "<td>no</td>")
            .append(i.dataIntegrity() ? "<td class=\"flag\">yes</td>" : "<td>no</td>").append("<td>");
        for (RiskChange r : i.risks()) {
          h.append("<div><code>").append(e(r.threat())).append("</code> ").append(level(r.residualBefore())).append(" → ")
              .append(level(r.residualAfter())).append(r.acceptableAfter() ? "" : " <span class=\"fail\">not acceptable</span>").append("</div>");
        }
        h.append("</td><td>").append(e(String.join(", ", i.controls()))).append("</td><td>")
            .append(e(String.join(", ", i.tests()))).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    if (!c.modelChanges().isEmpty()) {
      h.append("<h2>Model changes</h2><ul>");
      for (ElementChange m : c.modelChanges()) {
        h.append("<li>").append(e(m.kind())).append(" <code>").append(e(m.id())).append("</code> ").append(Names.of(m.type()));
        for (FieldChange f : m.fields()) {
          h.append("; ").append(e(f.field())).append(": ").append(e(f.before())).append(" → ").append(e(f.after()));
        }
        h.append("</li>");
      }
      h.append("</ul>\n");
    }
    if (!c.files().isEmpty() || !c.unmappedFiles().isEmpty()) {
      h.append("<h2>Code</h2><table><tr><th>file</th><th>change</th><th>components</th></tr>");
      for (MappedFile f : c.files()) {
        h.append("<tr><td><code>").append(e(f.file().path())).append("</code>")
            .append(f.file().oldPath().map(o -> " (from <code>" + e(o) + "</code>)").orElse(""))
            .append("</td><td>").append(Names.of(f.file().type())).append("</td><td>").append(e(String.join(", ", f.components()))).append("</td></tr>");
      }
      c.unmappedFiles().forEach(u -> h.append("<tr><td><code>").append(e(u)).append("</code></td><td></td><td><i>no component</i></td></tr>"));
      h.append("</table>\n");
    }
    if (!c.packages().isEmpty()) {
      h.append("<h2>Third-party packages</h2><ul>");
      for (PackageChange p : c.packages()) {
        h.append("<li>").append(e(p.describe())).append(" in <code>").append(e(p.sbom())).append("</code>");
        if (!p.knownExploited().isEmpty()) {
          h.append(" <span class=\"fail\">known exploited: ").append(e(String.join(", ", p.knownExploited()))).append("</span>");
        }
        h.append("</li>");
      }
      h.append("</ul>\n");
    }
    if (!c.threats().isEmpty()) {
      h.append("<h2>Threats</h2><ul>");
      for (ThreatChange t : c.threats()) {
        h.append("<li>").append(t.type() == ChangeType.ADDED ? "appears: " : "disappears: ").append("<code>")
            .append(e(t.threat())).append("</code> ").append(e(t.title())).append("</li>");
      }
      h.append("</ul>\n");
    }
    if (!c.risks().isEmpty()) {
      h.append("<h2>Risks</h2><table><tr><th>risk</th><th>level</th><th>residual</th><th>acceptable</th><th>controls</th></tr>");
      for (RiskChange r : c.risks()) {
        h.append("<tr><td><code>").append(e(r.risk())).append("</code></td><td>").append(level(r.levelBefore())).append(" → ")
            .append(level(r.levelAfter())).append("</td><td>").append(level(r.residualBefore())).append(" → ")
            .append(level(r.residualAfter())).append("</td><td>").append(r.acceptableBefore() ? "yes" : "no").append(" → ")
            .append(r.acceptableAfter() ? "yes" : "<span class=\"fail\">no</span>").append("</td><td>")
            .append(r.controlsRemoved().isEmpty() ? "" : "removed: " + e(String.join(", ", r.controlsRemoved())) + " ")
            .append(r.controlsAdded().isEmpty() ? "" : "added: " + e(String.join(", ", r.controlsAdded())))
            .append("</td></tr>");
      }
      h.append("</table>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String level(Optional<RiskLevel> l) {
    return l.map(Names::of).orElse("—");
  }

  private static String e(String s) {
    return Escape.html(s);
  }
}
