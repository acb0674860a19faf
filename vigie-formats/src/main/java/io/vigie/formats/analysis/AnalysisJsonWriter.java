package io.vigie.formats.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.analysis.Analysis;
import io.vigie.core.analysis.Summary;
import io.vigie.core.model.Device;
import io.vigie.core.model.Names;
import io.vigie.core.risk.Risk;
import io.vigie.core.risk.RiskLevel;
import io.vigie.core.threat.Threat;
import io.vigie.core.vuln.DeviceVulnerabilities;
import io.vigie.formats.vuln.ScanJsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code analysis.json}: the machine-readable result of {@code vigie analyze}. Written
 * field by field with a streaming generator rather than by reflection, so that the field order,
 * the enum words and the absence of time stamps are part of the code (the same analysis always
 * gives the same bytes, and two runs can be diffed), and so that a 20,000-risk analysis streams
 * to disk without building a tree first. Thread-safe.
 */
public final class AnalysisJsonWriter {
  /** Bumped when a field is removed or changes meaning; adding fields keeps it. */
  public static final int SCHEMA_VERSION = 1;

  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper TREES = new ObjectMapper();

  public String write(Analysis analysis) {
    StringWriter out = new StringWriter(64 * 1024);
    write(analysis, out);
    return out.toString();
  }

  /** Streams the analysis to {@code out}; does not close it. */
  public void write(Analysis analysis, Writer out) {
    write(analysis, Optional.empty(), out);
  }

  /** With {@code vulnerabilityCheck} and, when checked, {@code vulnerabilities[]}. */
  public String write(Analysis analysis, DeviceVulnerabilities vulnerabilities) {
    StringWriter out = new StringWriter(64 * 1024);
    write(analysis, Optional.of(vulnerabilities), out);
    return out.toString();
  }

  /**
   * Streams the analysis to {@code out}; does not close it. With vulnerabilities, the summary's
   * gate is the risk gate and the vulnerability gate together, {@code vulnerabilityCheck} says
   * whether a database was consulted (and why not), and {@code vulnerabilities[]} (only when
   * checked, so that an absent check never reads as an empty list) holds one object per
   * component SBOM: {@code modelComponent}, {@code modelComponentName}, then the fields of
   * {@code vigie scan --format json}.
   */
  public void write(Analysis analysis, Optional<DeviceVulnerabilities> vulnerabilities, Writer out) {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      device(g, analysis.device());
      summary(g, analysis.summary(), vulnerabilities.map(v -> v.gateReasons().isEmpty()).orElse(true));
      g.writeArrayFieldStart("threats");
      for (Threat t : analysis.threats()) {
        threat(g, t);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("risks");
      for (Risk r : analysis.risks()) {
        risk(g, r);
      }
      g.writeEndArray();
      if (vulnerabilities.isPresent()) {
        vulnerabilities(g, vulnerabilities.get());
      }
      g.writeEndObject();
      g.flush();
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void device(JsonGenerator g, Device d) throws IOException {
    g.writeObjectFieldStart("device");
    g.writeStringField("name", d.name());
    g.writeStringField("manufacturer", d.manufacturer());
    g.writeStringField("version", d.version());
    g.writeStringField("intendedUse", d.intendedUse());
    strings(g, "markets", d.markets());
    g.writeStringField("deviceClass", d.deviceClass());
    g.writeEndObject();
  }

  private static void vulnerabilities(JsonGenerator g, DeviceVulnerabilities v) throws IOException {
    g.writeObjectFieldStart("vulnerabilityCheck");
    g.writeBooleanField("checked", v.checked());
    if (v.notCheckedReason().isPresent()) {
      g.writeStringField("reason", v.notCheckedReason().get());
    } else {
      g.writeNumberField("sboms", v.scans().size());
      g.writeNumberField("vulnerabilities", v.findings());
      g.writeStringField("gate", v.gateReasons().isEmpty() ? "passed" : "failed");
      strings(g, "gateReasons", v.gateReasons());
    }
    strings(g, "componentsWithoutSbom", v.componentsWithoutSbom());
    g.writeEndObject();
    if (!v.checked()) {
      return;
    }
    g.writeArrayFieldStart("vulnerabilities");
    ScanJsonWriter scans = new ScanJsonWriter();
    for (DeviceVulnerabilities.ComponentScan cs : v.scans()) {
      ObjectNode node = TREES.createObjectNode();
      node.put("modelComponent", cs.componentId());
      node.put("modelComponentName", cs.componentName());
      node.setAll(scans.toJson(cs.scan()));
      // One SBOM's tree at a time: the document as a whole still streams.
      TREES.writeTree(g, node);
    }
    g.writeEndArray();
  }

  /** {@code gatePassed}: the vulnerability gate's verdict (true when not asked for). */
  private static void summary(JsonGenerator g, Summary s, boolean vulnerabilityGatePassed) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeNumberField("components", s.components());
    g.writeNumberField("flows", s.flows());
    g.writeNumberField("zones", s.zones());
    g.writeNumberField("assets", s.assets());
    g.writeNumberField("controls", s.controls());
    g.writeNumberField("threats", s.threats());
    levels(g, "risksByLevel", s.risksByLevel());
    levels(g, "residualByLevel", s.residualByLevel());
    g.writeNumberField("unacceptable", s.unacceptable());
    g.writeStringField("gate", s.gatePassed() && vulnerabilityGatePassed ? "passed" : "failed");
    g.writeEndObject();
  }

  private static void levels(JsonGenerator g, String field, Map<RiskLevel, Integer> counts) throws IOException {
    g.writeObjectFieldStart(field);
    for (RiskLevel l : RiskLevel.values()) {
      g.writeNumberField(Names.of(l), counts.getOrDefault(l, 0));
    }
    g.writeEndObject();
  }

  private static void threat(JsonGenerator g, Threat t) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", t.id());
    g.writeStringField("rule", t.rule());
    g.writeStringField("title", t.title());
    g.writeStringField("category", Names.of(t.category()));
    if (t.privacy().isPresent()) {
      g.writeStringField("privacy", Names.of(t.privacy().get()));
    }
    strings(g, "elements", t.elements());
    g.writeStringField("description", t.description());
    strings(g, "cwe", t.cwe().stream().map(c -> "CWE-" + c).toList());
    strings(g, "capec", t.capec().stream().map(c -> "CAPEC-" + c).toList());
    strings(g, "recommendedControls", t.recommendedControls().stream().map(Names::of).toList());
    strings(g, "mitigations", t.mitigations().stream().map(Names::of).toList());
    g.writeEndObject();
  }

  private static void risk(JsonGenerator g, Risk r) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.id());
    g.writeStringField("threat", r.threat());
    g.writeStringField("exploitability", Names.of(r.exploitability()));
    g.writeStringField("severity", Names.of(r.severity()));
    g.writeStringField("level", Names.of(r.level()));
    g.writeStringField("residualExploitability", Names.of(r.residualExploitability()));
    g.writeStringField("residualLevel", Names.of(r.residualLevel()));
    g.writeBooleanField("acceptable", r.acceptable());
    g.writeBooleanField("accepted", r.accepted());
    g.writeBooleanField("overridden", r.overridden());
    strings(g, "controls", r.controls());
    strings(g, "missingMitigations", r.missingMitigations());
    strings(g, "safetyRisks", r.safetyRisks());
    strings(g, "explanation", r.explanation());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String field, Collection<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
