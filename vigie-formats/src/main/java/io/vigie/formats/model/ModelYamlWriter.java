package io.vigie.formats.model;

import io.vigie.core.model.Actor;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlStatus;
import io.vigie.core.model.DataAsset;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.Device;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Hazard;
import io.vigie.core.model.ManualThreat;
import io.vigie.core.model.Names;
import io.vigie.core.model.RiskAcceptance;
import io.vigie.core.model.RiskOverride;
import io.vigie.core.model.SecurityControl;
import io.vigie.core.model.TrustZone;
import io.vigie.core.model.Verification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.RepresentToNode;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes a {@link DeviceModel} as Vigie model YAML (format version 1): the top-level sections in
 * a fixed order, the keys of each element in the order of its record components, enum values in
 * their kebab-case words ({@link Names#of}). Defaults are left out (empty lists and strings, absent
 * optionals, a name equal to the ID, {@code certifiedHealthDataHost: false}, {@code status:
 * implemented}) so the file stays short, except for the security-relevant attributes a reviewer
 * must see written down: a flow's kind, protocol and protections, a component's kind, zone, harm
 * severity and credentials, an asset's category and CIA needs.
 *
 * <p>The output is deterministic (same model, same bytes), so a generated model diffs cleanly in
 * a pull request. Quoting is left to snakeyaml-engine with the YAML 1.2 core schema, plus forced
 * quotes for the YAML 1.1 booleans ({@code yes}, {@code off}…) that older parsers would misread.
 * Stateless and thread-safe.
 */
public final class ModelYamlWriter {
  /** The version of the model format this writer produces, the value of the {@code vigie} key. */
  public static final int FORMAT_VERSION = 1;

  private static final String HEADER = "# Vigie device model — see docs/model.md\n";

  /** Words YAML 1.1 parsers (PyYAML, many CI tools) read as booleans: always quoted. */
  private static final Set<String> YAML_11_BOOLEANS =
      Set.of("y", "n", "yes", "no", "on", "off", "true", "false");

  public String write(DeviceModel model) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("vigie", FORMAT_VERSION);
    root.put("device", device(model.device()));
    section(root, "actors", model.actors(), this::actor);
    section(root, "zones", model.zones(), this::zone);
    section(root, "assets", model.assets(), this::asset);
    section(root, "components", model.components(), this::component);
    section(root, "flows", model.flows(), this::flow);
    section(root, "controls", model.controls(), this::control);
    section(root, "hazards", model.hazards(), this::hazard);
    section(root, "threats", model.threats(), this::threat);
    section(root, "overrides", model.overrides(), this::override);
    section(root, "acceptances", model.acceptances(), this::acceptance);
    return HEADER + dumper().dumpToString(root);
  }

  private static <T> void section(
      Map<String, Object> root, String key, List<T> elements, Function<T, Map<String, Object>> map) {
    if (!elements.isEmpty()) {
      root.put(key, elements.stream().map(map).toList());
    }
  }

  private Map<String, Object> device(Device d) {
    Fields f = new Fields();
    f.always("name", d.name());
    f.text("manufacturer", d.manufacturer());
    f.text("version", d.version());
    f.text("intendedUse", d.intendedUse());
    f.list("markets", d.markets());
    f.text("deviceClass", d.deviceClass());
    f.text("description", d.description());
    return f.map;
  }

  private Map<String, Object> actor(Actor a) {
    Fields f = new Fields();
    f.always("id", a.id());
    f.name(a.id(), a.name());
    f.always("kind", Names.of(a.kind()));
    f.list("uses", a.uses());
    f.text("description", a.description());
    return f.map;
  }

  private Map<String, Object> zone(TrustZone z) {
    Fields f = new Fields();
    f.always("id", z.id());
    f.name(z.id(), z.name());
    f.always("trust", Names.of(z.trust()));
    if (z.certifiedHealthDataHost()) {
      f.always("certifiedHealthDataHost", true);
    }
    f.list("certifications", z.certifications());
    f.text("description", z.description());
    return f.map;
  }

  private Map<String, Object> asset(DataAsset a) {
    Fields f = new Fields();
    f.always("id", a.id());
    f.name(a.id(), a.name());
    f.always("category", Names.of(a.category()));
    f.always("confidentiality", Names.of(a.confidentiality()));
    f.always("integrity", Names.of(a.integrity()));
    f.always("availability", Names.of(a.availability()));
    f.optional("legalBasis", a.legalBasis());
    f.optional("consent", a.consent());
    f.text("description", a.description());
    return f.map;
  }

  private Map<String, Object> component(Component c) {
    Fields f = new Fields();
    f.always("id", c.id());
    f.name(c.id(), c.name());
    f.always("kind", Names.of(c.kind()));
    f.always("zone", c.zone());
    f.list("technologies", c.technologies());
    f.list("stores", c.stores());
    f.list("processes", c.processes());
    f.optional("clinicalFunction", c.clinicalFunction());
    f.always("harmSeverity", Names.of(c.harmSeverity()));
    f.list("hazards", c.hazards());
    f.list("redundantWith", c.redundantWith());
    f.always("credentials", Names.of(c.credentials()));
    f.optional("exposure", c.exposure().map(Names::of));
    f.list("code", c.code());
    f.optional("sbom", c.sbom());
    f.text("description", c.description());
    return f.map;
  }

  private Map<String, Object> flow(DataFlow d) {
    Fields f = new Fields();
    f.always("id", d.id());
    f.name(d.id(), d.name());
    f.always("from", d.from());
    f.always("to", d.to());
    f.always("kind", Names.of(d.kind()));
    f.always("protocol", d.protocol());
    f.list("assets", d.assets());
    f.always("authentication", Names.of(d.authentication()));
    f.always("authorization", Names.of(d.authorization()));
    f.always("encryption", Names.of(d.encryption()));
    f.always("integrity", Names.of(d.integrity()));
    f.text("description", d.description());
    return f.map;
  }

  private Map<String, Object> control(SecurityControl c) {
    Fields f = new Fields();
    f.always("id", c.id());
    f.name(c.id(), c.name());
    f.always("category", Names.of(c.category()));
    f.list("provides", c.provides().stream().map(Names::of).toList());
    f.list("protects", c.protects());
    if (c.status() != ControlStatus.IMPLEMENTED) {
      f.always("status", Names.of(c.status()));
    }
    f.list("verification", c.verification().stream().map(this::verification).toList());
    f.text("description", c.description());
    return f.map;
  }

  private Map<String, Object> verification(Verification v) {
    Fields f = new Fields();
    f.text("method", v.method());
    f.text("reference", v.reference());
    f.text("description", v.description());
    return f.map;
  }

  private Map<String, Object> hazard(Hazard h) {
    Fields f = new Fields();
    f.always("id", h.id());
    f.always("title", h.title());
    f.always("severity", Names.of(h.severity()));
    f.list("elements", h.elements());
    f.text("description", h.description());
    return f.map;
  }

  private Map<String, Object> threat(ManualThreat t) {
    Fields f = new Fields();
    f.always("id", t.id());
    f.always("title", t.title());
    f.always("category", Names.of(t.category()));
    f.optional("privacy", t.privacy().map(Names::of));
    f.list("elements", t.elements());
    f.list("mitigations", t.mitigations().stream().map(Names::of).toList());
    f.list("cwe", t.cwe());
    f.list("capec", t.capec());
    f.text("description", t.description());
    return f.map;
  }

  private Map<String, Object> override(RiskOverride o) {
    Fields f = new Fields();
    f.always("threat", o.threat());
    f.optional("exploitability", o.exploitability().map(Names::of));
    f.optional("severity", o.severity().map(Names::of));
    f.text("rationale", o.rationale());
    return f.map;
  }

  private Map<String, Object> acceptance(RiskAcceptance a) {
    Fields f = new Fields();
    f.always("threat", a.threat());
    f.text("rationale", a.rationale());
    f.text("acceptedBy", a.acceptedBy());
    f.text("date", a.date());
    return f.map;
  }

  /** One element's mapping, keys in insertion order, with the omission rules in one place. */
  private static final class Fields {
    final Map<String, Object> map = new LinkedHashMap<>();

    void always(String key, Object value) {
      map.put(key, value);
    }

    void name(String id, String name) {
      if (!name.equals(id)) {
        text("name", name);
      }
    }

    void text(String key, String value) {
      if (!value.isEmpty()) {
        map.put(key, value);
      }
    }

    void optional(String key, Optional<String> value) {
      value.ifPresent(v -> text(key, v));
    }

    void list(String key, List<?> values) {
      if (!values.isEmpty()) {
        map.put(key, values);
      }
    }
  }

  private static Dump dumper() {
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setIndent(2)
        .setIndicatorIndent(2)
        .setIndentWithIndicator(true)
        // Long descriptions stay on one line: folded plain scalars are valid but diff badly.
        .setSplitLines(false)
        // Quote what a YAML 1.2 core-schema reader would take for null, a number or a boolean.
        .setSchema(new CoreSchema())
        .build();
    return new Dump(settings, new Representer(settings));
  }

  /** The standard representer, but YAML 1.1 booleans are quoted whatever the schema says. */
  private static final class Representer extends StandardRepresenter {
    Representer(DumpSettings settings) {
      super(settings);
      RepresentToNode standard = representers.get(String.class);
      representers.put(String.class, data -> {
        String text = (String) data;
        if (YAML_11_BOOLEANS.contains(text.toLowerCase(Locale.ROOT))) {
          return representScalar(Tag.STR, text, ScalarStyle.SINGLE_QUOTED);
        }
        return standard.representData(data);
      });
    }
  }
}
