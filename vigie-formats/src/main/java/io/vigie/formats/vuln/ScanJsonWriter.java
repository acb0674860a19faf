package io.vigie.formats.vuln;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.model.Names;
import io.vigie.core.vuln.VulnerabilityFinding;
import io.vigie.core.vuln.VulnerabilityScan;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * {@code vigie scan --format json}: one object per scan with {@code vulnerabilities[]} (each with
 * its IDs, component, scores, priority and provenance), {@code notChecked[]} and the gate. The
 * same object shape is what {@code analysis.json}'s {@code vulnerabilities[]} section holds per SBOM.
 */
public final class ScanJsonWriter {
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * The scan as pretty-printed JSON onto {@code out}, left open. The text is never held whole:
   * a scan with 100,000 findings writes about 90 MB of JSON, which as one string was held twice in
   * UTF-16 (the builder and its copy), 2 bytes a character each, beside the tree.
   */
  public void write(VulnerabilityScan scan, Writer out) {
    try {
      mapper.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(out, toJson(scan));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ObjectNode toJson(VulnerabilityScan scan) {
    ObjectNode root = mapper.createObjectNode();
    root.put("sbom", scan.sbom());
    root.put("subject", scan.subject());
    root.put("components", scan.components());
    ArrayNode findings = root.putArray("vulnerabilities");
    for (VulnerabilityFinding f : scan.findings()) {
      finding(findings.addObject(), f);
    }
    ArrayNode nc = root.putArray("notChecked");
    scan.notChecked().forEach(x -> nc.addObject().put("component", x.componentRef()).put("name", x.componentName())
        .put("reason", x.reason()));
    ObjectNode g = root.putObject("gate");
    g.put("passed", scan.gatePassed());
    ArrayNode reasons = g.putArray("reasons");
    scan.gateReasons().forEach(reasons::add);
    return root;
  }

  private static void finding(ObjectNode n, VulnerabilityFinding f) {
    VulnerabilityMatch m = f.match();
    n.put("id", m.id());
    ArrayNode ids = n.putArray("ids");
    m.ids().forEach(ids::add);
    n.put("component", m.componentRef());
    n.put("componentName", m.componentName());
    n.put("purl", m.purl());
    n.put("version", m.version());
    n.put("summary", m.summary());
    n.put("confidence", Names.of(m.confidence()));
    f.cvss().ifPresent(c -> n.put("cvss", c.baseScore()).put("cvssVector", c.vector()));
    f.epss().ifPresent(e -> n.put("epss", e.probability()));
    n.put("knownExploited", f.knownExploited());
    f.kev().ifPresent(k -> n.put("kevDueDate", k.dueDate().toString()));
    f.priority().ifPresent(p -> {
      n.put("priority", Names.of(p.priorityClass()));
      n.put("postmarketRisk", Names.of(p.postmarketRisk()));
      n.put("explanation", p.explanation());
    });
    f.vex().ifPresent(v -> {
      ObjectNode x = n.putObject("vex");
      x.put("status", Names.of(v.status()));
      v.statement().justification().ifPresent(j -> x.put("justification", Names.of(j)));
      v.statement().impact().ifPresent(i -> x.put("impact", i));
      v.statement().action().ifPresent(a -> x.put("action", a));
      x.put("author", v.statement().author());
      x.put("timestamp", v.statement().timestamp().toString());
      x.put("scope", v.statement().scope().describe());
      x.put("assessedVersion", v.statement().componentVersion());
      x.put("carried", v.carried());
      x.put("versionDiffers", v.versionDiffers());
      x.put("origin", v.statement().origin());
      x.put("explanation", v.explanation());
      x.put("gated", !v.status().clearsGate());
    });
    ArrayNode prov = n.putArray("provenance");
    m.provenance().forEach(p -> prov.addObject().put("advisory", p.advisory()).put("source", p.source())
        .put("record", p.record()).put("method", Names.of(p.method())).put("confidence", Names.of(p.confidence()))
        .put("rule", p.rule()));
  }
}
