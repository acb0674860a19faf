package io.vigie.formats.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.analysis.Analysis;
import io.vigie.core.analysis.Summary;
import io.vigie.core.model.Device;
import io.vigie.core.model.Names;
import io.vigie.core.risk.Risk;
import io.vigie.core.risk.RiskLevel;
import io.vigie.core.threat.Threat;
import java.util.Collection;
import java.util.Map;

/**
 * Writes {@code analysis.json}: the machine-readable result of {@code vigie analyze}. Built as an
 * explicit tree rather than by reflection so that the field order, the enum words and the
 * absence of time stamps are part of the code: the same analysis always gives the same bytes, and
 * two runs can be diffed. Thread-safe.
 */
public final class AnalysisJsonWriter {
  /** Bumped when a field is removed or changes meaning; adding fields keeps it. */
  public static final int SCHEMA_VERSION = 1;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public String write(Analysis analysis) {
    ObjectNode root = NODES.objectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.set("device", device(analysis.device()));
    root.set("summary", summary(analysis.summary()));
    ArrayNode threats = root.putArray("threats");
    analysis.threats().forEach(t -> threats.add(threat(t)));
    ArrayNode risks = root.putArray("risks");
    analysis.risks().forEach(r -> risks.add(risk(r)));
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static ObjectNode device(Device d) {
    ObjectNode n = NODES.objectNode();
    n.put("name", d.name());
    n.put("manufacturer", d.manufacturer());
    n.put("version", d.version());
    n.put("intendedUse", d.intendedUse());
    strings(n.putArray("markets"), d.markets());
    n.put("deviceClass", d.deviceClass());
    return n;
  }

  private static ObjectNode summary(Summary s) {
    ObjectNode n = NODES.objectNode();
    n.put("components", s.components());
    n.put("flows", s.flows());
    n.put("zones", s.zones());
    n.put("assets", s.assets());
    n.put("controls", s.controls());
    n.put("threats", s.threats());
    n.set("risksByLevel", levels(s.risksByLevel()));
    n.set("residualByLevel", levels(s.residualByLevel()));
    n.put("unacceptable", s.unacceptable());
    n.put("gate", s.gatePassed() ? "passed" : "failed");
    return n;
  }

  private static ObjectNode levels(Map<RiskLevel, Integer> counts) {
    ObjectNode n = NODES.objectNode();
    for (RiskLevel l : RiskLevel.values()) {
      n.put(Names.of(l), counts.getOrDefault(l, 0));
    }
    return n;
  }

  private static ObjectNode threat(Threat t) {
    ObjectNode n = NODES.objectNode();
    n.put("id", t.id());
    n.put("rule", t.rule());
    n.put("title", t.title());
    n.put("category", Names.of(t.category()));
    t.privacy().ifPresent(p -> n.put("privacy", Names.of(p)));
    strings(n.putArray("elements"), t.elements());
    n.put("description", t.description());
    ArrayNode cwe = n.putArray("cwe");
    t.cwe().forEach(c -> cwe.add("CWE-" + c));
    ArrayNode capec = n.putArray("capec");
    t.capec().forEach(c -> capec.add("CAPEC-" + c));
    ArrayNode controls = n.putArray("recommendedControls");
    t.recommendedControls().forEach(c -> controls.add(Names.of(c)));
    ArrayNode mitigations = n.putArray("mitigations");
    t.mitigations().forEach(c -> mitigations.add(Names.of(c)));
    return n;
  }

  private static ObjectNode risk(Risk r) {
    ObjectNode n = NODES.objectNode();
    n.put("id", r.id());
    n.put("threat", r.threat());
    n.put("exploitability", Names.of(r.exploitability()));
    n.put("severity", Names.of(r.severity()));
    n.put("level", Names.of(r.level()));
    n.put("residualExploitability", Names.of(r.residualExploitability()));
    n.put("residualLevel", Names.of(r.residualLevel()));
    n.put("acceptable", r.acceptable());
    n.put("accepted", r.accepted());
    n.put("overridden", r.overridden());
    strings(n.putArray("controls"), r.controls());
    strings(n.putArray("missingMitigations"), r.missingMitigations());
    strings(n.putArray("safetyRisks"), r.safetyRisks());
    strings(n.putArray("explanation"), r.explanation());
    return n;
  }

  private static void strings(ArrayNode into, Collection<String> values) {
    values.forEach(into::add);
  }
}
