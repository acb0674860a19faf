package io.vigie.formats.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.model.ActorKind;
import io.vigie.core.model.Authentication;
import io.vigie.core.model.Authorization;
import io.vigie.core.model.Capability;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.ControlStatus;
import io.vigie.core.model.Credentials;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.Encryption;
import io.vigie.core.model.Exploitability;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.Integrity;
import io.vigie.core.model.Linddun;
import io.vigie.core.model.Names;
import io.vigie.core.model.Need;
import io.vigie.core.model.Reachability;
import io.vigie.core.model.Severity;
import io.vigie.core.model.Stride;
import io.vigie.core.model.TrustLevel;

/**
 * The JSON Schema (draft 2020-12) of the device model YAML, printed by {@code vigie schema} for
 * editors and linters. Built in code from the same enum classes the reader uses, so the allowed
 * words cannot drift from what the reader accepts; a test checks the property names against the
 * reader's. The reader stays the authority: it also checks references between elements, which a
 * schema cannot express.
 */
public final class ModelSchema {
  private static final JsonNodeFactory N = JsonNodeFactory.instance;

  private ModelSchema() {}

  public static String json() {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema()) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode schema() {
    ObjectNode root = N.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://vigie.io/schema/device-model/1");
    root.put("title", "Vigie device model");
    root.put("description", "A connected medical device described for threat modelling and security risk assessment. See docs/model.md.");
    root.put("type", "object");
    root.set("required", strings("device"));
    root.put("additionalProperties", false);
    ObjectNode p = root.putObject("properties");
    p.set("vigie", N.objectNode().put("const", ModelYamlReader.FORMAT_VERSION).put("description", "Format version."));
    p.set("device", object("What the device is", strings("name"),
        "name", text("Device name"), "manufacturer", text("Legal manufacturer"), "version", text("Software version"),
        "intendedUse", text("Intended use, as in the labelling"), "markets", texts("Markets, e.g. EU, FR, US"),
        "deviceClass", text("Regulatory class, e.g. 'EU MDR IIa; FDA class II'"), "description", text("Free text")));
    p.set("actors", list(object("A person or outside system using components", strings("id"),
        "id", id(), "name", text("Display name"), "kind", enumOf(ActorKind.class), "uses", texts("IDs of components"),
        "description", text("Free text"))));
    p.set("zones", list(object("A trust zone", strings("id", "trust"),
        "id", id(), "name", text("Display name"), "trust", enumOf(TrustLevel.class),
        "certifiedHealthDataHost", N.objectNode().put("type", "boolean").put("description", "Hosted by a certified health-data host (e.g. HDS)"),
        "certifications", texts("Certifications of the hosting"), "description", text("Free text"))));
    p.set("assets", list(object("A data asset", strings("id", "category"),
        "id", id(), "name", text("Display name"), "category", enumOf(DataCategory.class),
        "confidentiality", enumOf(Need.class), "integrity", enumOf(Need.class), "availability", enumOf(Need.class),
        "legalBasis", text("GDPR legal basis"), "consent", text("Reference of the consent record that covers it"),
        "description", text("Free text"))));
    p.set("components", list(object("A component", strings("id", "kind", "zone"),
        "id", id(), "name", text("Display name"), "kind", enumOf(ComponentKind.class), "zone", text("ID of its trust zone"),
        "technologies", texts("Languages, frameworks, platforms"), "stores", texts("IDs of assets stored"),
        "processes", texts("IDs of assets processed"), "clinicalFunction", text("The clinical function it carries"),
        "harmSeverity", enumOf(Severity.class), "hazards", texts("IDs of declared hazards"),
        "redundantWith", texts("IDs of components that back it up"), "credentials", enumOf(Credentials.class),
        "exposure", enumOf(Reachability.class), "code", texts("Globs of the source files that make it"),
        "sbom", text("Path of its SBOM"), "description", text("Free text"))));
    p.set("flows", list(object("A data flow", strings("id", "from", "to", "protocol"),
        "id", id(), "name", text("Display name"), "from", text("ID of the sending component"),
        "to", text("ID of the receiving component"), "kind", enumOf(FlowKind.class), "protocol", text("e.g. https, ble, mqtt"),
        "assets", texts("IDs of assets carried"), "authentication", enumOf(Authentication.class),
        "authorization", enumOf(Authorization.class), "encryption", enumOf(Encryption.class),
        "integrity", enumOf(Integrity.class), "description", text("Free text"))));
    ObjectNode verification = object("Evidence that the control works", strings("method", "reference"),
        "method", text("e.g. unit-test, penetration-test, review"), "reference", text("Test or report ID"),
        "description", text("Free text"));
    p.set("controls", list(object("A security control", strings("id", "category", "provides"),
        "id", id(), "name", text("Display name"), "category", enumOf(ControlCategory.class),
        "provides", enumList(Capability.class), "protects", texts("IDs of components, flows, assets or zones"),
        "status", enumOf(ControlStatus.class), "verification", list(verification), "description", text("Free text"))));
    p.set("hazards", list(object("A hazard of the ISO 14971 file", strings("id", "title", "severity"),
        "id", id(), "title", text("Hazard or hazardous situation"), "severity", enumOf(Severity.class),
        "elements", texts("IDs of related elements"), "description", text("Free text"))));
    p.set("threats", list(object("A threat identified by hand", strings("id", "title", "category"),
        "id", id(), "title", text("Title"), "category", enumOf(Stride.class), "privacy", enumOf(Linddun.class),
        "elements", texts("IDs of elements"), "mitigations", enumList(Capability.class),
        "cwe", numbers("CWE numbers"), "capec", numbers("CAPEC numbers"), "description", text("Free text"))));
    p.set("overrides", list(object("A reviewed correction of a computed risk", strings("threat", "rationale"),
        "threat", text("Threat ID"), "exploitability", enumOf(Exploitability.class), "severity", enumOf(Severity.class),
        "rationale", text("Why"))));
    p.set("acceptances", list(object("A signed-off acceptance of a residual risk", strings("threat", "rationale", "acceptedBy", "date"),
        "threat", text("Threat ID"), "rationale", text("Benefit-risk rationale"), "acceptedBy", text("Who"),
        "date", N.objectNode().put("type", "string").put("format", "date"))));
    return root;
  }

  private static ObjectNode object(String description, ArrayNode required, Object... properties) {
    ObjectNode o = N.objectNode();
    o.put("type", "object");
    o.put("description", description);
    o.set("required", required);
    o.put("additionalProperties", false);
    ObjectNode p = o.putObject("properties");
    for (int i = 0; i < properties.length; i += 2) {
      p.set((String) properties[i], (ObjectNode) properties[i + 1]);
    }
    return o;
  }

  private static ObjectNode list(ObjectNode items) {
    ObjectNode o = N.objectNode();
    o.put("type", "array");
    o.set("items", items);
    return o;
  }

  private static ObjectNode text(String description) {
    return N.objectNode().put("type", "string").put("description", description);
  }

  private static ObjectNode id() {
    return N.objectNode().put("type", "string").put("pattern", "^[A-Za-z0-9][A-Za-z0-9._:-]*$")
        .put("description", "Unique across the model");
  }

  private static ObjectNode texts(String description) {
    ObjectNode o = list(N.objectNode().put("type", "string"));
    o.put("description", description);
    return o;
  }

  private static ObjectNode numbers(String description) {
    ObjectNode item = N.objectNode();
    ArrayNode any = item.putArray("anyOf");
    any.add(N.objectNode().put("type", "integer"));
    any.add(N.objectNode().put("type", "string").put("pattern", "^((CWE|CAPEC)-)?[0-9]+$"));
    ObjectNode o = list(item);
    o.put("description", description);
    return o;
  }

  private static <E extends Enum<E>> ObjectNode enumOf(Class<E> type) {
    ObjectNode o = N.objectNode().put("type", "string");
    ArrayNode values = o.putArray("enum");
    Names.all(type).forEach(values::add);
    return o;
  }

  private static <E extends Enum<E>> ObjectNode enumList(Class<E> type) {
    return list(enumOf(type));
  }

  private static ArrayNode strings(String... values) {
    ArrayNode a = N.arrayNode();
    for (String v : values) {
      a.add(v);
    }
    return a;
  }
}
