package io.vigie.formats.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.change.ChangeImpact;
import io.vigie.core.change.ElementChange;
import io.vigie.core.change.FieldChange;
import io.vigie.core.change.ImpactedElement;
import io.vigie.core.change.MappedFile;
import io.vigie.core.change.PackageChange;
import io.vigie.core.change.RiskChange;
import io.vigie.core.change.ThreatChange;
import io.vigie.core.model.Names;
import java.util.Collection;
import java.util.Optional;

/** The change impact as JSON, for pipelines: everything, with stable field names. Thread-safe. */
public final class ChangeImpactJsonWriter {
  private static final JsonNodeFactory N = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public String write(ChangeImpact c) {
    ObjectNode root = N.objectNode();
    root.put("schemaVersion", 1);
    root.put("base", c.base());
    root.put("head", c.head());
    ObjectNode gate = root.putObject("gate");
    gate.put("passed", c.gatePassed());
    strings(gate.putArray("reasons"), c.gateReasons());
    root.put("securityRelevant", c.securityRelevant());
    root.put("patientSafety", c.patientSafety());
    root.put("dataIntegrity", c.dataIntegrity());
    root.put("verdict", c.verdict());
    ArrayNode impacted = root.putArray("impacted");
    for (ImpactedElement e : c.impacted()) {
      ObjectNode n = impacted.addObject();
      n.put("id", e.id());
      n.put("kind", e.kind());
      n.put("name", e.name());
      n.put("direct", e.direct());
      n.put("patientSafety", e.patientSafety());
      n.put("dataIntegrity", e.dataIntegrity());
      strings(n.putArray("reasons"), e.reasons());
      strings(n.putArray("threats"), e.threats());
      ArrayNode risks = n.putArray("risks");
      e.risks().forEach(r -> risks.add(risk(r)));
      strings(n.putArray("controls"), e.controls());
      strings(n.putArray("tests"), e.tests());
    }
    ArrayNode model = root.putArray("modelChanges");
    for (ElementChange e : c.modelChanges()) {
      ObjectNode n = model.addObject();
      n.put("kind", e.kind());
      n.put("id", e.id());
      n.put("change", Names.of(e.type()));
      ArrayNode fields = n.putArray("fields");
      for (FieldChange f : e.fields()) {
        fields.addObject().put("field", f.field()).put("before", f.before()).put("after", f.after());
      }
    }
    ArrayNode files = root.putArray("files");
    for (MappedFile f : c.files()) {
      ObjectNode n = files.addObject();
      n.put("path", f.file().path());
      f.file().oldPath().ifPresent(o -> n.put("oldPath", o));
      n.put("change", Names.of(f.file().type()));
      strings(n.putArray("components"), f.components());
    }
    strings(root.putArray("unmappedFiles"), c.unmappedFiles());
    strings(root.putArray("outsideFiles"), c.outsideFiles());
    ArrayNode packages = root.putArray("packages");
    for (PackageChange p : c.packages()) {
      ObjectNode n = packages.addObject();
      n.put("sbom", p.sbom());
      n.put("name", p.name());
      p.purl().ifPresent(x -> n.put("purl", x));
      n.put("change", Names.of(p.kind()));
      p.versionBefore().ifPresent(x -> n.put("versionBefore", x));
      p.versionAfter().ifPresent(x -> n.put("versionAfter", x));
      strings(n.putArray("licencesBefore"), p.licencesBefore());
      strings(n.putArray("licencesAfter"), p.licencesAfter());
      strings(n.putArray("vulnerabilitiesAppeared"), p.vulnerabilitiesAppeared());
      strings(n.putArray("vulnerabilitiesDisappeared"), p.vulnerabilitiesDisappeared());
      strings(n.putArray("knownExploited"), p.knownExploited());
    }
    ArrayNode threats = root.putArray("threats");
    for (ThreatChange t : c.threats()) {
      ObjectNode n = threats.addObject();
      n.put("id", t.threat());
      n.put("change", Names.of(t.type()));
      n.put("title", t.title());
      strings(n.putArray("elements"), t.elements());
    }
    ArrayNode risks = root.putArray("risks");
    c.risks().forEach(r -> risks.add(risk(r)));
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode risk(RiskChange r) {
    ObjectNode n = N.objectNode();
    n.put("id", r.risk());
    n.put("threat", r.threat());
    level(n, "levelBefore", r.levelBefore());
    level(n, "levelAfter", r.levelAfter());
    level(n, "residualBefore", r.residualBefore());
    level(n, "residualAfter", r.residualAfter());
    n.put("acceptableBefore", r.acceptableBefore());
    n.put("acceptableAfter", r.acceptableAfter());
    strings(n.putArray("controlsRemoved"), r.controlsRemoved());
    strings(n.putArray("controlsAdded"), r.controlsAdded());
    return n;
  }

  private static void level(ObjectNode n, String field, Optional<? extends Enum<?>> level) {
    if (level.isPresent()) {
      n.put(field, Names.of(level.get()));
    } else {
      n.putNull(field);
    }
  }

  private static void strings(ArrayNode into, Collection<String> values) {
    values.forEach(into::add);
  }
}
