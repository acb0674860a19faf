package io.vigie.formats.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.Actor;
import io.vigie.core.model.ActorKind;
import io.vigie.core.model.Authentication;
import io.vigie.core.model.Capability;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.Credentials;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.Device;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Exploitability;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.Linddun;
import io.vigie.core.model.ManualThreat;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.RiskAcceptance;
import io.vigie.core.model.RiskOverride;
import io.vigie.core.model.Severity;
import io.vigie.core.model.Stride;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.model.TrustZone;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

class ModelYamlWriterTest {
  private final ModelYamlWriter writer = new ModelYamlWriter();

  /** A small insulin-pump system: app on the phone, cloud API, pump over BLE. */
  private static DeviceModel pumpSystem() {
    return new ModelBuilder("Insulin pump")
        .device(new Device("Insulin pump", "Acme Medical", "2.1", "Insulin delivery",
            List.of("EU", "US"), "IIb", ""))
        .actor(new Actor("patient", "Patient", ActorKind.PATIENT, List.of("app"), ""))
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone(new TrustZone("cloud", "Maker cloud", TrustLevel.CERTIFIED_HOSTING, true,
            List.of("HDS"), ""))
        .asset("glucose", DataCategory.HEALTH)
        .component("app", ComponentKind.MOBILE_APP, "home", c -> c.name("Mobile app").processes("glucose"))
        .component("api", ComponentKind.API_SERVICE, "cloud", c -> c.stores("glucose")
            .technologies("java").code("services/api/**"))
        .component("pump", ComponentKind.EMBEDDED_DEVICE, "home",
            c -> c.clinicalFunction("insulin delivery", Severity.CATASTROPHIC)
                .credentials(Credentials.HARDCODED))
        .flow("app-api", "app", "api", f -> f.assets("glucose"))
        .flow("app-pump", "app", "pump", f -> f.kind(FlowKind.COMMAND).protocol("ble")
            .authentication(Authentication.BLE_BONDING))
        .control("tls", ControlCategory.CRYPTOGRAPHY, c -> c.provides(Capability.ENCRYPTION_IN_TRANSIT)
            .protects("app-api").verifiedBy("test", "TST-12"))
        .control("lockout", ControlCategory.AUTHENTICATION, c -> c.provides(Capability.ACCOUNT_LOCKOUT)
            .protects("api").planned())
        .hazard("HAZ-1", Severity.CATASTROPHIC, "pump")
        .threat(new ManualThreat("replay", "Replay of a bolus command", Stride.TAMPERING,
            Optional.of(Linddun.LINKING), List.of("app-pump"), List.of(Capability.ANTI_REPLAY),
            List.of(294), List.of(), ""))
        .override(new RiskOverride("replay", Optional.of(Exploitability.LOW), Optional.empty(),
            "needs proximity"))
        .acceptance(new RiskAcceptance("replay", "benefit outweighs", "J. Doe", "2025-01-31"))
        .build();
  }

  private static Map<String, Object> load(String yaml) {
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>)
        new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(yaml);
    return root;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> first(Map<String, Object> root, String section) {
    return ((List<Map<String, Object>>) root.get(section)).get(0);
  }

  @Test
  void startsWithTheHeaderCommentAndTheFormatVersion() {
    String yaml = writer.write(pumpSystem());
    assertThat(yaml).startsWith("# Vigie device model — see docs/model.md\nvigie: 1\n");
  }

  @Test
  void writesSectionsInTheFormatOrder() {
    Map<String, Object> root = load(writer.write(pumpSystem()));
    assertThat(root.keySet()).containsExactly("vigie", "device", "actors", "zones", "assets",
        "components", "flows", "controls", "hazards", "threats", "overrides", "acceptances");
    assertThat(root.get("vigie")).isEqualTo(1);
  }

  @Test
  void leavesOutEmptySections() {
    DeviceModel bare = new ModelBuilder("Bare").zone("z", TrustLevel.INTERNET).build();
    assertThat(load(writer.write(bare)).keySet()).containsExactly("vigie", "device", "zones");
  }

  @Test
  void writesEveryFlowProtectionEvenWhenItIsTheDefault() {
    Map<String, Object> root = load(writer.write(pumpSystem()));
    assertThat(first(root, "flows")).containsExactly(
        Map.entry("id", "app-api"),
        Map.entry("from", "app"),
        Map.entry("to", "api"),
        Map.entry("kind", "data"),
        Map.entry("protocol", "https"),
        Map.entry("assets", List.of("glucose")),
        Map.entry("authentication", "token"),
        Map.entry("authorization", "role-based"),
        Map.entry("encryption", "transport"),
        Map.entry("integrity", "transport"));
  }

  @Test
  void writesComponentsWithTheirSecurityAttributesAndWithoutDefaults() {
    Map<String, Object> root = load(writer.write(pumpSystem()));
    assertThat(first(root, "components")).containsExactly(
        Map.entry("id", "app"),
        Map.entry("name", "Mobile app"),
        Map.entry("kind", "mobile-app"),
        Map.entry("zone", "home"),
        Map.entry("processes", List.of("glucose")),
        Map.entry("harmSeverity", "negligible"),
        Map.entry("credentials", "unique"));
    @SuppressWarnings("unchecked")
    Map<String, Object> pump = ((List<Map<String, Object>>) root.get("components")).get(2);
    assertThat(pump).containsEntry("clinicalFunction", "insulin delivery")
        .containsEntry("harmSeverity", "catastrophic")
        .containsEntry("credentials", "hardcoded")
        .doesNotContainKey("name");
  }

  @Test
  void writesEnumsAsKebabCaseWords() {
    String yaml = writer.write(pumpSystem());
    assertThat(yaml).contains("kind: mobile-app", "trust: patient-home", "trust: certified-hosting",
        "authentication: ble-bonding", "category: tampering",
        "privacy: linking", "- anti-replay", "exploitability: low");
  }

  @Test
  void omitsDefaultsOfZonesAssetsAndControls() {
    Map<String, Object> root = load(writer.write(pumpSystem()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> zones = (List<Map<String, Object>>) root.get("zones");
    assertThat(zones.get(0)).containsExactly(Map.entry("id", "home"), Map.entry("trust", "patient-home"));
    assertThat(zones.get(1)).containsEntry("certifiedHealthDataHost", true)
        .containsEntry("certifications", List.of("HDS"));
    assertThat(first(root, "assets")).containsExactly(
        Map.entry("id", "glucose"), Map.entry("category", "health"),
        Map.entry("confidentiality", "high"), Map.entry("integrity", "high"),
        Map.entry("availability", "high"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> controls = (List<Map<String, Object>>) root.get("controls");
    assertThat(controls.get(0)).doesNotContainKey("status")
        .containsEntry("verification", List.of(Map.of("method", "test", "reference", "TST-12")));
    assertThat(controls.get(1)).containsEntry("status", "planned");
  }

  @Test
  void writesThreatsOverridesAndAcceptances() {
    Map<String, Object> root = load(writer.write(pumpSystem()));
    assertThat(first(root, "threats")).containsExactly(
        Map.entry("id", "replay"), Map.entry("title", "Replay of a bolus command"),
        Map.entry("category", "tampering"), Map.entry("privacy", "linking"),
        Map.entry("elements", List.of("app-pump")), Map.entry("mitigations", List.of("anti-replay")),
        Map.entry("cwe", List.of(294)));
    assertThat(first(root, "overrides")).containsExactly(Map.entry("threat", "replay"),
        Map.entry("exploitability", "low"), Map.entry("rationale", "needs proximity"));
    assertThat(first(root, "acceptances")).containsEntry("date", "2025-01-31")
        .containsEntry("acceptedBy", "J. Doe");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pump: bolus", "Pump #2", "- dash first", "-dash", "yes", "No", "on",
      "OFF", "true", "null", "~", "012", "1.5", "@home", "`tick", "a\ttab", "  padded  ",
      "line one\nline two\n", "line one\nline two", "trailing space \nnext", "Ünïcode — dash",
      "'single' and \"double\" quotes", "[not a list]", "{not: a map}", "*alias", "&anchor", "!tag",
      "%directive", "key: value # comment"})
  void quotesWhateverYamlWouldReadAsSomethingElse(String awkward) {
    DeviceModel model = new ModelBuilder(awkward)
        .zone("z", TrustLevel.INTERNET)
        .component("c", ComponentKind.OTHER, "z", c -> c.name(awkward).description(awkward))
        .build();
    Map<String, Object> root = load(writer.write(model));
    assertThat(root.get("device")).isEqualTo(Map.of("name", awkward));
    assertThat(first(root, "components")).containsEntry("name", awkward)
        .containsEntry("description", awkward);
  }

  @Test
  void quotesYaml11BooleansForOlderParsers() {
    DeviceModel model = new ModelBuilder("yes").build();
    assertThat(writer.write(model)).contains("name: 'yes'");
  }

  @Test
  void writesMultiLineTextAsALiteralBlock() {
    DeviceModel model = new ModelBuilder("Pump")
        .zone("z", TrustLevel.INTERNET)
        .component("c", ComponentKind.OTHER, "z", c -> c.description("First line.\nSecond line."))
        .build();
    assertThat(writer.write(model)).contains("description: |-\n      First line.\n      Second line.\n");
  }

  @Test
  void isDeterministic() {
    String once = writer.write(pumpSystem());
    assertThat(writer.write(pumpSystem())).isEqualTo(once);
    assertThat(new ModelYamlWriter().write(pumpSystem())).isEqualTo(once);
  }
}
