package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.analysis.Analysis;
import io.vigie.core.analysis.Analyzer;
import io.vigie.core.change.ChangeImpact;
import io.vigie.core.change.ChangeImpactAnalyzer;
import io.vigie.core.change.ChangeInput;
import io.vigie.core.change.ChangePolicy;
import io.vigie.core.change.ChangeType;
import io.vigie.core.change.FileChange;
import io.vigie.core.model.Actor;
import io.vigie.core.model.ActorKind;
import io.vigie.core.model.Authentication;
import io.vigie.core.model.Authorization;
import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.ControlStatus;
import io.vigie.core.model.Credentials;
import io.vigie.core.model.DataAsset;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.Device;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Encryption;
import io.vigie.core.model.Exploitability;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.Hazard;
import io.vigie.core.model.Integrity;
import io.vigie.core.model.ManualThreat;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Need;
import io.vigie.core.model.Reachability;
import io.vigie.core.model.RiskAcceptance;
import io.vigie.core.model.RiskOverride;
import io.vigie.core.model.SecurityControl;
import io.vigie.core.model.Severity;
import io.vigie.core.model.Stride;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.model.TrustZone;
import io.vigie.core.model.Verification;
import io.vigie.core.risk.Risk;
import io.vigie.core.risk.RiskPolicy;
import io.vigie.core.threat.Threat;
import io.vigie.core.threat.rules.BuiltInRules;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.formats.model.ModelYamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code vigie diff} analyses the base model from the head's analysis, redoing rules and risks only
 * where a difference reaches ({@code io.vigie.core.analysis.ChangeScope}). This proves, on many
 * seeded random modifications of the two example devices and of generated fleet models, that the
 * result is exactly the one of two whole analyses: the same base analysis (every threat with its
 * description, every risk with its explanation, the summary), and the same change impact (model,
 * threat and risk changes, impacted elements with their reasons, flags and tests, the verdict and
 * the gate), or the same problems when a modification makes a model invalid. The same holds for
 * the analyzer {@code vigie diff} runs, which makes no risk explanation (never printed by a diff):
 * its change impact is the same, and its analyses differ from whole ones by the empty explanations
 * only.
 *
 * <p>Each case applies one to four random modifications, chosen among: components added, removed
 * (with every reference to them), moved to another zone, or with a changed kind, stored or
 * processed assets, clinical function and harm, credentials, exposure, redundancy, hazards,
 * technologies or SBOM; flows added, removed, reversed, or with a changed kind, protocol,
 * assets, authentication, authorisation, encryption or integrity; zones added or with a changed
 * trust or certification; assets added, removed or with a changed category, needs, legal basis or
 * consent; controls added, removed, or with a changed status, capabilities, protected elements or
 * verification; hazards and actors changed; risk overrides and acceptances added or removed;
 * manual threats added; list order shuffled; the device itself changed (the whole-analysis
 * fallback). Which side is base and which is head is drawn too, so every addition is also tested
 * as a removal. Code changes map a few files to random components, and the propagation depth and
 * direction vary.
 */
class DiffScopeEquivalenceTest {
  private static final Analyzer ANALYZER = new Analyzer(BuiltInRules.all(), RiskPolicy.defaults());
  private static final Analyzer UNEXPLAINED = ANALYZER.withoutExplanations();

  /** The analysis with every risk's explanation emptied, and nothing else changed. */
  private static Analysis withoutExplanations(Analysis a) {
    List<Risk> risks = a.risks().stream().map(r -> new Risk(r.id(), r.threat(), r.exploitability(), r.severity(), r.level(),
        r.residualExploitability(), r.residualLevel(), r.acceptable(), r.accepted(), r.overridden(), r.controls(),
        r.missingMitigations(), r.safetyRisks(), List.of())).toList();
    return new Analysis(a.device(), a.summary(), a.threats(), risks);
  }

  private static DeviceModel example(String name) {
    Path file = Path.of(System.getProperty("vigie.repo.root"), "examples", name, "vigie.yaml");
    return new ModelYamlReader().read(file);
  }

  @Test
  void theExamplesGiveTheSameDiffScopedAsWhole() {
    int valid = 0;
    valid += cases(example("postop-followup"), 1, 200);
    valid += cases(example("insulin-titration"), 1001, 200);
    // Most modifications must keep the model valid, or the comparison proves little.
    assertThat(valid).isGreaterThan(300);
  }

  @Test
  void generatedFleetModelsGiveTheSameDiffScopedAsWhole() {
    int valid = 0;
    for (int g = 0; g < 4; g++) {
      valid += cases(generate(80, 300, 7 + g), 2001 + 100 * g, 20);
    }
    assertThat(valid).isGreaterThan(55);
  }

  @Test
  void theBenchmarkSizedModelGivesTheSameDiffScopedAsWhole() {
    assertThat(cases(generate(1000, 5000, 42), 3001, 4)).isGreaterThan(2);
  }

  /** Runs {@code n} seeded cases on a model; returns how many compared two valid models. */
  private static int cases(DeviceModel source, long firstSeed, int n) {
    int valid = 0;
    for (long seed = firstSeed; seed < firstSeed + n; seed++) {
      Random rnd = new Random(seed);
      DeviceModel start = rnd.nextBoolean() ? withConsentAsset(source, rnd) : source;
      DeviceModel mutated = start;
      int changes = 1 + rnd.nextInt(4);
      List<String> applied = new ArrayList<>();
      for (int i = 0; i < changes; i++) {
        Mutation m = new Mutation(mutated, rnd);
        mutated = m.apply();
        applied.add(m.what);
      }
      boolean swap = rnd.nextBoolean();
      DeviceModel base = swap ? mutated : start;
      DeviceModel head = swap ? start : mutated;
      String label = "seed " + seed + (swap ? " (swapped)" : "") + ": " + applied;

      ChangeInput in = new ChangeInput("base", "head", Optional.of(base), head, "vigie.yaml", files(head, rnd),
          List.of(), List.of());
      ChangePolicy policy = ChangePolicy.defaults().withDepth(rnd.nextInt(3))
          .withDirection(ChangePolicy.Direction.values()[rnd.nextInt(ChangePolicy.Direction.values().length)]);
      ChangeImpactAnalyzer scoped = new ChangeImpactAnalyzer(ANALYZER, policy);
      Object fast = outcome(() -> scoped.analyze(in));
      Object whole = outcome(() -> scoped.withWholeAnalysis().analyze(in));
      assertThat(fast).as(label).isEqualTo(whole);
      // What vigie diff runs: the scoped analysis, with no risk explanation made.
      Object unexplained = outcome(() -> new ChangeImpactAnalyzer(UNEXPLAINED, policy).analyze(in));
      assertThat(unexplained).as(label + ", without explanations").isEqualTo(whole);
      if (fast instanceof ChangeImpact) {
        valid++;
        ModelIndex headIndex = ModelIndex.of(head);
        Analysis headAnalysis = ANALYZER.analyze(headIndex);
        Analysis baseAnalysis = ANALYZER.analyze(base);
        assertThat(ANALYZER.analyzeFrom(ModelIndex.of(base), headIndex, headAnalysis)).as(label)
            .isEqualTo(baseAnalysis);
        Analysis unexplainedHead = UNEXPLAINED.analyze(headIndex);
        assertThat(unexplainedHead).as(label + ", head without explanations")
            .isEqualTo(withoutExplanations(headAnalysis));
        assertThat(UNEXPLAINED.analyzeFrom(ModelIndex.of(base), headIndex, unexplainedHead)).as(label + ", without explanations")
            .isEqualTo(withoutExplanations(baseAnalysis));
      }
    }
    return valid;
  }

  /**
   * The source with a personal asset processed on consent with no consent record, handled by two
   * components: the one rule whose threat starts at an asset fires on it, and that threat's
   * exploitability is the easiest reachability of the asset's handlers, which flows added to them
   * change (see {@code Mutation#addFlow}).
   */
  private static DeviceModel withConsentAsset(DeviceModel m, Random rnd) {
    DataAsset a = new DataAsset("consent-data", "Data on consent", DataCategory.PERSONAL, Need.MEDIUM, Need.LOW, Need.LOW,
        Optional.of("consent of the patient"), Optional.empty(), "");
    List<Component> components = new ArrayList<>(m.components());
    for (int i = 0; i < 2; i++) {
      int at = rnd.nextInt(components.size());
      Component c = components.get(at);
      if (!c.processes().contains(a.id())) {
        List<String> processes = new ArrayList<>(c.processes());
        processes.add(a.id());
        components.set(at, new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies(), c.stores(), processes,
            c.clinicalFunction(), c.harmSeverity(), c.hazards(), c.redundantWith(), c.credentials(), c.exposure(), c.code(), c.sbom(),
            c.description()));
      }
    }
    List<DataAsset> assets = new ArrayList<>(m.assets());
    assets.add(a);
    return new DeviceModel(m.device(), m.actors(), m.zones(), assets, components, m.flows(), m.controls(), m.hazards(), m.threats(),
        m.overrides(), m.acceptances());
  }

  private static Object outcome(Supplier<ChangeImpact> run) {
    try {
      return run.get();
    } catch (InvalidInputException e) {
      return "invalid: " + e.problems();
    }
  }

  /** A few changed files in random components' code folders, and one outside every component. */
  private static List<FileChange> files(DeviceModel m, Random rnd) {
    List<FileChange> out = new ArrayList<>();
    int n = rnd.nextInt(4);
    for (int i = 0; i < n && !m.components().isEmpty(); i++) {
      Component c = pick(m.components(), rnd);
      for (String glob : c.code()) {
        String dir = glob.replace("**", "").replace("*", "x");
        out.add(FileChange.of((dir.endsWith("/") ? dir : dir + "/") + "File" + i + ".java", ChangeType.CHANGED));
      }
    }
    if (rnd.nextBoolean()) {
      out.add(FileChange.of("docs/readme-" + rnd.nextInt(9) + ".md", ChangeType.CHANGED));
    }
    return out;
  }

  private static <T> T pick(List<T> items, Random rnd) {
    return items.get(rnd.nextInt(items.size()));
  }

  private static <E extends Enum<E>> E pick(Class<E> type, Random rnd) {
    E[] values = type.getEnumConstants();
    return values[rnd.nextInt(values.length)];
  }

  /** One random modification of a model (the model may end up invalid; both paths must then agree). */
  private static final class Mutation {
    final Random rnd;
    DeviceModel m;
    String what = "";

    Mutation(DeviceModel m, Random rnd) {
      this.m = m;
      this.rnd = rnd;
    }

    DeviceModel apply() {
      int kind = rnd.nextInt(30);
      switch (kind) {
        case 0, 1 -> addComponent();
        case 2 -> removeComponent();
        case 3, 4, 5, 6 -> changeComponent();
        case 7, 8 -> addFlow();
        case 9 -> removeFlow();
        case 10, 11, 12, 13, 14 -> changeFlow();
        case 15 -> changeZone();
        case 16 -> addZone();
        case 17, 18 -> changeAsset();
        case 19 -> addOrRemoveAsset();
        case 20, 21 -> changeControl();
        case 22 -> addOrRemoveControl();
        case 23 -> changeHazardOrActor();
        case 24, 25 -> overrideOrAcceptance();
        case 26 -> manualThreat();
        case 27 -> shuffle();
        case 28 -> device();
        default -> moveComponent();
      }
      return m;
    }

    private String freshId(String prefix) {
      return prefix + "-x" + rnd.nextInt(1_000_000);
    }

    private List<String> someOf(List<String> ids, int max) {
      List<String> copy = new ArrayList<>(ids);
      Collections.shuffle(copy, rnd);
      return List.copyOf(copy.subList(0, Math.min(copy.size(), rnd.nextInt(max + 1))));
    }

    private List<String> assetIds() {
      return m.assets().stream().map(DataAsset::id).toList();
    }

    private List<String> componentIds() {
      return m.components().stream().map(Component::id).toList();
    }

    private DeviceModel with(List<Component> components, List<DataFlow> flows) {
      return new DeviceModel(m.device(), m.actors(), m.zones(), m.assets(), components, flows, m.controls(), m.hazards(),
          m.threats(), m.overrides(), m.acceptances());
    }

    private static <T> List<T> replace(List<T> items, T old, T now) {
      List<T> out = new ArrayList<>(items);
      out.set(out.indexOf(old), now);
      return out;
    }

    private static <T> List<T> plus(List<T> items, T extra) {
      List<T> out = new ArrayList<>(items);
      out.add(extra);
      return out;
    }

    private void addComponent() {
      String id = freshId("comp");
      Component c = new Component(id, "Added " + id, pick(ComponentKind.class, rnd), pick(m.zones(), rnd).id(), List.of("java"),
          List.of(), someOf(assetIds(), 2), Optional.empty(), Severity.NEGLIGIBLE, List.of(), List.of(), Credentials.UNIQUE,
          Optional.empty(), List.of("added/" + id + "/**"), Optional.empty(), "");
      List<DataFlow> flows = new ArrayList<>(m.flows());
      if (!m.components().isEmpty()) {
        String other = pick(m.components(), rnd).id();
        flows.add(flow(freshId("flow"), rnd.nextBoolean() ? id : other, rnd.nextBoolean() ? other : id));
      }
      m = with(plus(m.components(), c), flows);
      what = "add component " + id;
    }

    private DataFlow flow(String id, String from, String to) {
      if (from.equals(to)) {
        to = pick(m.components(), rnd).id();
      }
      boolean on = rnd.nextBoolean();
      return new DataFlow(id, id, from, to, pick(FlowKind.class, rnd),
          pick(List.of("https", "mqtt", "ble", "fhir", "http", "in-process", "usb", "sms", "grpc"), rnd),
          someOf(assetIds(), 2).isEmpty() ? List.of(pick(assetIds(), rnd)) : someOf(assetIds(), 2),
          on ? Authentication.TOKEN : Authentication.NONE, on ? Authorization.ROLE_BASED : Authorization.NONE,
          on ? Encryption.TRANSPORT : Encryption.NONE, on ? Integrity.TRANSPORT : Integrity.NONE, "");
    }

    private void removeComponent() {
      Component c = pick(m.components(), rnd);
      String id = c.id();
      m = without(id);
      what = "remove component " + id;
    }

    /** The model without an element and every reference to it. */
    private DeviceModel without(String id) {
      List<Component> components = new ArrayList<>();
      for (Component c : m.components()) {
        if (!c.id().equals(id)) {
          components.add(new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies(), drop(c.stores(), id),
              drop(c.processes(), id), c.clinicalFunction(), c.harmSeverity(), drop(c.hazards(), id), drop(c.redundantWith(), id),
              c.credentials(), c.exposure(), c.code(), c.sbom(), c.description()));
        }
      }
      List<DataFlow> flows = new ArrayList<>();
      for (DataFlow f : m.flows()) {
        if (!f.id().equals(id) && !f.from().equals(id) && !f.to().equals(id)) {
          List<String> assets = drop(f.assets(), id);
          flows.add(new DataFlow(f.id(), f.name(), f.from(), f.to(), f.kind(), f.protocol(), assets, f.authentication(),
              f.authorization(), f.encryption(), f.integrity(), f.description()));
        }
      }
      List<String> gone = new ArrayList<>(List.of(id));
      m.flows().stream().filter(f -> !flows.stream().anyMatch(g -> g.id().equals(f.id()))).forEach(f -> gone.add(f.id()));
      List<SecurityControl> controls = new ArrayList<>();
      for (SecurityControl c : m.controls()) {
        List<String> protects = c.protects().stream().filter(p -> !gone.contains(p)).toList();
        if (!c.id().equals(id) && !protects.isEmpty()) {
          controls.add(new SecurityControl(c.id(), c.name(), c.category(), c.provides(), protects, c.status(), c.verification(),
              c.description()));
        }
      }
      List<Hazard> hazards = m.hazards().stream().filter(h -> !h.id().equals(id))
          .map(h -> new Hazard(h.id(), h.title(), h.severity(), h.elements().stream().filter(e -> !gone.contains(e)).toList(),
              h.description()))
          .toList();
      List<Actor> actors = m.actors().stream()
          .map(a -> new Actor(a.id(), a.name(), a.kind(), a.uses().stream().filter(u -> !gone.contains(u)).toList(), a.description()))
          .toList();
      List<ManualThreat> threats = m.threats().stream()
          .map(t -> new ManualThreat(t.id(), t.title(), t.category(), t.privacy(),
              t.elements().stream().filter(e -> !gone.contains(e)).toList(), t.mitigations(), t.cwe(), t.capec(), t.description()))
          .filter(t -> !t.elements().isEmpty()).toList();
      // Overrides and acceptances of threats on the element go with it.
      List<RiskOverride> overrides = m.overrides().stream().filter(o -> gone.stream().noneMatch(g -> mentions(o.threat(), g))).toList();
      List<RiskAcceptance> acceptances = m.acceptances().stream().filter(a -> gone.stream().noneMatch(g -> mentions(a.threat(), g)))
          .toList();
      return new DeviceModel(m.device(), actors, m.zones(), m.assets().stream().filter(a -> !a.id().equals(id)).toList(), components,
          flows, controls, hazards, threats, overrides, acceptances);
    }

    private static boolean mentions(String threatId, String element) {
      return threatId.contains("@" + element) || threatId.contains("+" + element);
    }

    private static List<String> drop(List<String> ids, String id) {
      return ids.stream().filter(x -> !x.equals(id)).toList();
    }

    private void changeComponent() {
      Component c = pick(m.components(), rnd);
      Component n;
      int field = rnd.nextInt(11);
      switch (field) {
        case 0 -> n = new Component(c.id(), c.name(), pick(ComponentKind.class, rnd), c.zone(), c.technologies(), c.stores(),
            c.processes(), c.clinicalFunction(), c.harmSeverity(), c.hazards(), c.redundantWith(), c.credentials(), c.exposure(),
            c.code(), c.sbom(), c.description());
        case 1 -> n = new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies(), someOf(assetIds(), 3), c.processes(),
            c.clinicalFunction(), c.harmSeverity(), c.hazards(), c.redundantWith(), c.credentials(), c.exposure(), c.code(), c.sbom(),
            c.description());
        case 2 -> n = new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies(), c.stores(), someOf(assetIds(), 3),
            c.clinicalFunction(), c.harmSeverity(), c.hazards(), c.redundantWith(), c.credentials(), c.exposure(), c.code(), c.sbom(),
            c.description());
        case 3 -> {
          boolean clinical = c.clinicalFunction().isEmpty();
          n = new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies(), c.stores(), c.processes(),
              clinical ? Optional.of("decides a dose") : Optional.empty(), clinical ? pick(Severity.class, rnd) : Severity.NEGLIGIBLE,
              c.hazards(), c.redundantWith(), c.credentials(), c.exposure(), c.code(), c.sbom(), c.description());
        }
        case 4 -> n = new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies(), c.stores(), c.processes(),
            c.clinicalFunction(), c.harmSeverity(), c.hazards(), c.redundantWith(), pick(Credentials.class, rnd), c.exposure(),
            c.code(), c.sbom(), c.description());
        case 5 -> n = new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies(), c.stores(), c.processes(),
            c.clinicalFunction(), c.harmSeverity(), c.hazards(), c.redundantWith(), c.credentials(),
            rnd.nextBoolean() ? Optional.empty() : Optional.of(pick(Reachability.class, rnd)), c.code(), c.sbom(), c.description());
        case 6 -> n = new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies(), c.stores(), c.processes(),
            c.clinicalFunction(), c.harmSeverity(), c.hazards(),
            c.redundantWith().isEmpty() ? List.of(pick(componentIds(), rnd)) : List.of(), c.credentials(), c.exposure(), c.code(),
            c.sbom(), c.description());
        case 7 -> n = new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies(), c.stores(), c.processes(),
            c.clinicalFunction(), c.harmSeverity(),
            m.hazards().isEmpty() ? List.of() : List.of(pick(m.hazards(), rnd).id()), c.redundantWith(), c.credentials(),
            c.exposure(), c.code(), c.sbom(), c.description());
        case 8 -> n = new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies().isEmpty() ? List.of("linux") : List.of(),
            c.stores(), c.processes(), c.clinicalFunction(), c.harmSeverity(), c.hazards(), c.redundantWith(), c.credentials(),
            c.exposure(), c.code(), c.sbom().isPresent() ? Optional.empty() : Optional.of("sboms/x.cdx.json"), c.description());
        case 9 -> n = new Component(c.id(), "Renamed " + c.name(), c.kind(), c.zone(), c.technologies(), c.stores(), c.processes(),
            c.clinicalFunction(), c.harmSeverity(), c.hazards(), c.redundantWith(), c.credentials(), c.exposure(), c.code(), c.sbom(),
            "changed description");
        default -> n = new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies(), c.stores(), c.processes(),
            c.clinicalFunction(), c.harmSeverity(), c.hazards(), c.redundantWith(), c.credentials(), c.exposure(),
            List.of("moved/" + c.id() + "/**"), c.sbom(), c.description());
      }
      m = with(replace(m.components(), c, n), m.flows());
      what = "change component " + c.id() + " (" + field + ")";
    }

    private void moveComponent() {
      Component c = pick(m.components(), rnd);
      Component n = new Component(c.id(), c.name(), c.kind(), pick(m.zones(), rnd).id(), c.technologies(), c.stores(), c.processes(),
          c.clinicalFunction(), c.harmSeverity(), c.hazards(), c.redundantWith(), c.credentials(), c.exposure(), c.code(), c.sbom(),
          c.description());
      m = with(replace(m.components(), c, n), m.flows());
      what = "move component " + c.id() + " to zone " + n.zone();
    }

    private void addFlow() {
      String id = freshId("flow");
      // Half the time into a handler of an asset on consent, from anywhere: its reachability moves.
      List<String> handlers = m.components().stream().filter(c -> c.processes().contains("consent-data")).map(Component::id).toList();
      String to = !handlers.isEmpty() && rnd.nextBoolean() ? pick(handlers, rnd) : pick(m.components(), rnd).id();
      m = with(m.components(), plus(m.flows(), flow(id, pick(m.components(), rnd).id(), to)));
      what = "add flow " + id;
    }

    private void removeFlow() {
      DataFlow f = pick(m.flows(), rnd);
      m = without(f.id());
      what = "remove flow " + f.id();
    }

    private void changeFlow() {
      DataFlow f = pick(m.flows(), rnd);
      DataFlow n;
      int field = rnd.nextInt(8);
      switch (field) {
        case 0 -> n = new DataFlow(f.id(), f.name(), f.to(), f.from(), f.kind(), f.protocol(), f.assets(), f.authentication(),
            f.authorization(), f.encryption(), f.integrity(), f.description());
        case 1 -> n = new DataFlow(f.id(), f.name(), f.from(), f.to(), pick(FlowKind.class, rnd), f.protocol(), f.assets(),
            f.authentication(), f.authorization(), f.encryption(), f.integrity(), f.description());
        case 2 -> n = new DataFlow(f.id(), f.name(), f.from(), f.to(), f.kind(),
            pick(List.of("https", "mqtt", "ble", "fhir", "hl7", "http", "in-process", "usb", "sms", "email"), rnd), f.assets(),
            f.authentication(), f.authorization(), f.encryption(), f.integrity(), f.description());
        case 3 -> {
          List<String> assets = someOf(assetIds(), 3);
          n = new DataFlow(f.id(), f.name(), f.from(), f.to(), f.kind(), f.protocol(),
              assets.isEmpty() ? List.of(pick(assetIds(), rnd)) : assets, f.authentication(), f.authorization(), f.encryption(),
              f.integrity(), f.description());
        }
        case 4 -> n = new DataFlow(f.id(), f.name(), f.from(), f.to(), f.kind(), f.protocol(), f.assets(),
            pick(Authentication.class, rnd), f.authorization(), f.encryption(), f.integrity(), f.description());
        case 5 -> n = new DataFlow(f.id(), f.name(), f.from(), f.to(), f.kind(), f.protocol(), f.assets(), f.authentication(),
            pick(Authorization.class, rnd), f.encryption(), f.integrity(), f.description());
        case 6 -> n = new DataFlow(f.id(), f.name(), f.from(), f.to(), f.kind(), f.protocol(), f.assets(), f.authentication(),
            f.authorization(), pick(Encryption.class, rnd), f.integrity(), f.description());
        default -> n = new DataFlow(f.id(), f.name(), f.from(), f.to(), f.kind(), f.protocol(), f.assets(), f.authentication(),
            f.authorization(), f.encryption(), pick(Integrity.class, rnd), f.description());
      }
      m = with(m.components(), replace(m.flows(), f, n));
      what = "change flow " + f.id() + " (" + field + ")";
    }

    private void changeZone() {
      TrustZone z = pick(m.zones(), rnd);
      TrustZone n = rnd.nextBoolean()
          ? new TrustZone(z.id(), z.name(), pick(TrustLevel.class, rnd), z.certifiedHealthDataHost(), z.certifications(), z.description())
          : new TrustZone(z.id(), z.name(), z.trust(), !z.certifiedHealthDataHost(), z.certifications(), z.description());
      m = new DeviceModel(m.device(), m.actors(), replace(m.zones(), z, n), m.assets(), m.components(), m.flows(), m.controls(),
          m.hazards(), m.threats(), m.overrides(), m.acceptances());
      what = "change zone " + z.id();
    }

    private void addZone() {
      String id = freshId("zone");
      m = new DeviceModel(m.device(), m.actors(), plus(m.zones(), new TrustZone(id, id, pick(TrustLevel.class, rnd), false, List.of(), "")),
          m.assets(), m.components(), m.flows(), m.controls(), m.hazards(), m.threats(), m.overrides(), m.acceptances());
      moveComponent();
      what = "add zone " + id + ", " + what;
    }

    private void changeAsset() {
      DataAsset a = pick(m.assets(), rnd);
      DataAsset n;
      int field = rnd.nextInt(4);
      switch (field) {
        case 0 -> n = new DataAsset(a.id(), a.name(), pick(DataCategory.class, rnd), a.confidentiality(), a.integrity(),
            a.availability(), a.legalBasis(), a.consent(), a.description());
        case 1 -> n = new DataAsset(a.id(), a.name(), a.category(), pick(Need.class, rnd), pick(Need.class, rnd),
            pick(Need.class, rnd), a.legalBasis(), a.consent(), a.description());
        case 2 -> n = new DataAsset(a.id(), a.name(), a.category(), a.confidentiality(), a.integrity(), a.availability(),
            a.legalBasis().isPresent() ? Optional.empty() : Optional.of("consent of the patient"), a.consent(), a.description());
        default -> n = new DataAsset(a.id(), a.name(), a.category(), a.confidentiality(), a.integrity(), a.availability(),
            a.legalBasis(), a.consent().isPresent() ? Optional.empty() : Optional.of("CONSENT-1"), a.description());
      }
      m = new DeviceModel(m.device(), m.actors(), m.zones(), replace(m.assets(), a, n), m.components(), m.flows(), m.controls(),
          m.hazards(), m.threats(), m.overrides(), m.acceptances());
      what = "change asset " + a.id() + " (" + field + ")";
    }

    private void addOrRemoveAsset() {
      if (rnd.nextBoolean() && m.assets().size() > 1) {
        DataAsset a = pick(m.assets(), rnd);
        m = without(a.id());
        what = "remove asset " + a.id();
        return;
      }
      String id = freshId("asset");
      DataAsset a = new DataAsset(id, id, pick(DataCategory.class, rnd), pick(Need.class, rnd), pick(Need.class, rnd),
          pick(Need.class, rnd), Optional.empty(), Optional.empty(), "");
      m = new DeviceModel(m.device(), m.actors(), m.zones(), plus(m.assets(), a), m.components(), m.flows(), m.controls(),
          m.hazards(), m.threats(), m.overrides(), m.acceptances());
      Component c = pick(m.components(), rnd);
      m = with(replace(m.components(), c, new Component(c.id(), c.name(), c.kind(), c.zone(), c.technologies(), plus(c.stores(), id),
          c.processes(), c.clinicalFunction(), c.harmSeverity(), c.hazards(), c.redundantWith(), c.credentials(), c.exposure(),
          c.code(), c.sbom(), c.description())), m.flows());
      what = "add asset " + id + " stored by " + c.id();
    }

    private List<String> protectable() {
      List<String> ids = new ArrayList<>(componentIds());
      m.flows().forEach(f -> ids.add(f.id()));
      m.zones().forEach(z -> ids.add(z.id()));
      m.assets().forEach(a -> ids.add(a.id()));
      return ids;
    }

    private SecurityControl control(String id) {
      List<Capability> caps = new ArrayList<>();
      for (int i = 0; i <= rnd.nextInt(3); i++) {
        caps.add(pick(Capability.class, rnd));
      }
      List<String> protects = someOf(protectable(), 6);
      return new SecurityControl(id, id, pick(ControlCategory.class, rnd), caps.stream().distinct().toList(),
          protects.isEmpty() ? List.of(pick(componentIds(), rnd)) : protects, pick(ControlStatus.class, rnd),
          rnd.nextBoolean() ? List.of(new Verification("automated-test", "TST-" + id, "")) : List.of(), "");
    }

    private void changeControl() {
      if (m.controls().isEmpty()) {
        addOrRemoveControl();
        return;
      }
      SecurityControl c = pick(m.controls(), rnd);
      SecurityControl r = control(c.id());
      SecurityControl n;
      int field = rnd.nextInt(4);
      switch (field) {
        case 0 -> n = new SecurityControl(c.id(), c.name(), c.category(), c.provides(), c.protects(),
            c.status() == ControlStatus.IMPLEMENTED ? ControlStatus.PLANNED : ControlStatus.IMPLEMENTED, c.verification(), c.description());
        case 1 -> n = new SecurityControl(c.id(), c.name(), c.category(), r.provides(), c.protects(), c.status(), c.verification(),
            c.description());
        case 2 -> n = new SecurityControl(c.id(), c.name(), c.category(), c.provides(), r.protects(), c.status(), c.verification(),
            c.description());
        default -> n = new SecurityControl(c.id(), c.name(), c.category(), c.provides(), c.protects(), c.status(),
            c.verification().isEmpty() ? List.of(new Verification("penetration-test", "PT-1", "")) : List.of(), c.description());
      }
      m = new DeviceModel(m.device(), m.actors(), m.zones(), m.assets(), m.components(), m.flows(), replace(m.controls(), c, n),
          m.hazards(), m.threats(), m.overrides(), m.acceptances());
      what = "change control " + c.id() + " (" + field + ")";
    }

    private void addOrRemoveControl() {
      if (rnd.nextBoolean() && !m.controls().isEmpty()) {
        SecurityControl c = pick(m.controls(), rnd);
        m = without(c.id());
        what = "remove control " + c.id();
        return;
      }
      SecurityControl c = control(freshId("ctl"));
      m = new DeviceModel(m.device(), m.actors(), m.zones(), m.assets(), m.components(), m.flows(), plus(m.controls(), c),
          m.hazards(), m.threats(), m.overrides(), m.acceptances());
      what = "add control " + c.id() + " on " + c.protects();
    }

    private void changeHazardOrActor() {
      if (rnd.nextBoolean() && !m.hazards().isEmpty()) {
        Hazard h = pick(m.hazards(), rnd);
        Hazard n = rnd.nextBoolean() ? new Hazard(h.id(), h.title(), pick(Severity.class, rnd), h.elements(), h.description())
            : new Hazard(h.id(), h.title(), h.severity(), someOf(protectable(), 3).isEmpty() ? h.elements() : someOf(protectable(), 3),
                h.description());
        m = new DeviceModel(m.device(), m.actors(), m.zones(), m.assets(), m.components(), m.flows(), m.controls(),
            replace(m.hazards(), h, n), m.threats(), m.overrides(), m.acceptances());
        what = "change hazard " + h.id();
      } else if (rnd.nextBoolean() && !m.hazards().isEmpty()) {
        String id = freshId("haz");
        Hazard h = new Hazard(id, "New hazard", pick(Severity.class, rnd), List.of(pick(protectable(), rnd)), "");
        m = new DeviceModel(m.device(), m.actors(), m.zones(), m.assets(), m.components(), m.flows(), m.controls(),
            plus(m.hazards(), h), m.threats(), m.overrides(), m.acceptances());
        what = "add hazard " + id + " on " + h.elements();
      } else {
        List<Actor> actors = new ArrayList<>(m.actors());
        if (actors.isEmpty() || rnd.nextBoolean()) {
          String id = freshId("actor");
          actors.add(new Actor(id, id, pick(ActorKind.class, rnd), List.of(pick(componentIds(), rnd)), ""));
          what = "add actor " + id;
        } else {
          Actor a = pick(actors, rnd);
          actors.set(actors.indexOf(a), new Actor(a.id(), a.name(), pick(ActorKind.class, rnd), someOf(componentIds(), 2), a.description()));
          what = "change actor " + a.id();
        }
        m = new DeviceModel(m.device(), actors, m.zones(), m.assets(), m.components(), m.flows(), m.controls(), m.hazards(),
            m.threats(), m.overrides(), m.acceptances());
      }
    }

    private List<Threat> threats() {
      try {
        return ANALYZER.analyze(m).threats();
      } catch (InvalidInputException e) {
        return List.of();
      }
    }

    private void overrideOrAcceptance() {
      List<Threat> threats = threats();
      if (threats.isEmpty()) {
        return;
      }
      String threat = pick(threats, rnd).id();
      List<RiskOverride> overrides = new ArrayList<>(m.overrides());
      List<RiskAcceptance> acceptances = new ArrayList<>(m.acceptances());
      int choice = rnd.nextInt(4);
      if (choice == 0 && overrides.stream().noneMatch(o -> o.threat().equals(threat))) {
        overrides.add(new RiskOverride(threat, Optional.of(pick(Exploitability.class, rnd)),
            rnd.nextBoolean() ? Optional.of(pick(Severity.class, rnd)) : Optional.empty(), "assessed by hand"));
        what = "override " + threat;
      } else if (choice == 1 && acceptances.stream().noneMatch(a -> a.threat().equals(threat))) {
        acceptances.add(new RiskAcceptance(threat, "benefit outweighs", "CMO", "2026-01-01"));
        what = "accept " + threat;
      } else if (choice == 2 && !overrides.isEmpty()) {
        what = "drop override " + overrides.remove(rnd.nextInt(overrides.size())).threat();
      } else if (!acceptances.isEmpty()) {
        what = "drop acceptance " + acceptances.remove(rnd.nextInt(acceptances.size())).threat();
      }
      m = new DeviceModel(m.device(), m.actors(), m.zones(), m.assets(), m.components(), m.flows(), m.controls(), m.hazards(),
          m.threats(), overrides, acceptances);
    }

    private void manualThreat() {
      String id = freshId("THR");
      ManualThreat t = new ManualThreat(id, "Hand-written threat", pick(Stride.class, rnd), Optional.empty(),
          List.of(pick(protectable(), rnd)), List.of(pick(Capability.class, rnd)), List.of(), List.of(), "by hand");
      m = new DeviceModel(m.device(), m.actors(), m.zones(), m.assets(), m.components(), m.flows(), m.controls(), m.hazards(),
          plus(m.threats(), t), m.overrides(), m.acceptances());
      what = "manual threat " + id + " on " + t.elements();
    }

    private void shuffle() {
      List<DataFlow> flows = new ArrayList<>(m.flows());
      List<Component> components = new ArrayList<>(m.components());
      List<SecurityControl> controls = new ArrayList<>(m.controls());
      Collections.shuffle(flows, rnd);
      Collections.shuffle(components, rnd);
      Collections.shuffle(controls, rnd);
      m = new DeviceModel(m.device(), m.actors(), m.zones(), m.assets(), components, flows, controls, m.hazards(), m.threats(),
          m.overrides(), m.acceptances());
      what = "shuffle components, flows and controls";
    }

    private void device() {
      Device d = m.device();
      m = new DeviceModel(new Device(d.name(), d.manufacturer(), d.version() + ".1", d.intendedUse(), d.markets(), d.deviceClass(),
          d.description()), m.actors(), m.zones(), m.assets(), m.components(), m.flows(), m.controls(), m.hazards(), m.threats(),
          m.overrides(), m.acceptances());
      what = "device version";
    }
  }

  /** A fleet platform like {@code bench/gen_model.py}'s (same zones, kinds, assets and mix), seeded. */
  static DeviceModel generate(int nComponents, int nFlows, long seed) {
    Random rnd = new Random(seed);
    String[][] zones = {{"internet", "INTERNET"}, {"partner", "THIRD_PARTY"}, {"home", "PATIENT_HOME"},
        {"hospital", "HOSPITAL_NETWORK"}, {"cloud", "MAKER_CLOUD"}, {"hds", "CERTIFIED_HOSTING"}, {"device", "DEVICE_INTERNAL"}};
    Function<String, List<ComponentKind>> kinds = z -> switch (z) {
      case "internet" -> List.of(ComponentKind.THIRD_PARTY_SERVICE);
      case "partner" -> List.of(ComponentKind.THIRD_PARTY_SERVICE, ComponentKind.API_SERVICE);
      case "home" -> List.of(ComponentKind.MOBILE_APP, ComponentKind.SENSOR, ComponentKind.EMBEDDED_DEVICE, ComponentKind.GATEWAY);
      case "hospital" -> List.of(ComponentKind.WEB_PORTAL, ComponentKind.CLINICAL_WORKSTATION, ComponentKind.GATEWAY,
          ComponentKind.API_SERVICE);
      case "cloud" -> List.of(ComponentKind.API_SERVICE, ComponentKind.BACKEND_JOB, ComponentKind.MESSAGE_QUEUE,
          ComponentKind.UPDATE_SERVER, ComponentKind.IDENTITY_PROVIDER);
      case "hds" -> List.of(ComponentKind.API_SERVICE, ComponentKind.DATABASE, ComponentKind.FILE_STORAGE, ComponentKind.BACKEND_JOB,
          ComponentKind.WEB_APP);
      default -> List.of(ComponentKind.EMBEDDED_DEVICE, ComponentKind.SENSOR);
    };
    String[][] assets = {{"vitals", "HEALTH"}, {"alerts", "HEALTH"}, {"record", "HEALTH"}, {"dose", "THERAPY"},
        {"thresholds", "THERAPY"}, {"identity", "PERSONAL"}, {"phone", "PERSONAL"}, {"tokens", "CREDENTIALS"},
        {"firmware", "SOFTWARE"}, {"audit", "AUDIT_LOG"}, {"metrics", "TECHNICAL"}};
    List<TrustZone> zoneList = new ArrayList<>();
    for (String[] z : zones) {
      zoneList.add(new TrustZone(z[0], z[0], TrustLevel.valueOf(z[1]), z[0].equals("hds"), List.of(), ""));
    }
    List<DataAsset> assetList = new ArrayList<>();
    List<String> assetIds = new ArrayList<>();
    for (String[] a : assets) {
      DataCategory cat = DataCategory.valueOf(a[1]);
      boolean personal = cat == DataCategory.HEALTH || cat == DataCategory.PERSONAL;
      assetList.add(new DataAsset(a[0], a[0], cat, Need.HIGH, Need.HIGH, Need.MEDIUM,
          personal ? Optional.of("GDPR art. 9(2)(h)") : Optional.empty(), Optional.empty(), ""));
      assetIds.add(a[0]);
    }
    List<Component> components = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < nComponents; i++) {
      String zone = zones[rnd.nextInt(zones.length)][0];
      List<ComponentKind> k = kinds.apply(zone);
      ComponentKind kind = k.get(rnd.nextInt(k.size()));
      String id = String.format("c%05d", i);
      ids.add(id);
      List<String> shuffled = new ArrayList<>(assetIds);
      Collections.shuffle(shuffled, rnd);
      List<String> stored = List.copyOf(shuffled.subList(0, rnd.nextInt(4)));
      boolean store = kind == ComponentKind.DATABASE || kind == ComponentKind.FILE_STORAGE;
      boolean clinical = rnd.nextDouble() < 0.1;
      components.add(new Component(id, kind + " " + i, kind, zone, List.of(), store ? stored : List.of(), stored,
          clinical ? Optional.of("contributes to a clinical decision") : Optional.empty(),
          clinical ? Severity.values()[2 + rnd.nextInt(3)] : Severity.NEGLIGIBLE, List.of(), List.of(), Credentials.UNIQUE,
          Optional.empty(), List.of("services/" + id + "/**"), Optional.empty(), ""));
    }
    List<DataFlow> flows = new ArrayList<>();
    List<String> protocols = List.of("https", "https", "https", "grpc", "mqtt", "ble", "fhir", "http", "amqp");
    List<FlowKind> flowKinds = List.of(FlowKind.DATA, FlowKind.DATA, FlowKind.DATA, FlowKind.DATA, FlowKind.DATA, FlowKind.DATA,
        FlowKind.DATA, FlowKind.DATA, FlowKind.COMMAND, FlowKind.ALERT, FlowKind.UPDATE, FlowKind.NOTIFICATION);
    for (int j = 0; j < nFlows; j++) {
      String a = ids.get(rnd.nextInt(ids.size()));
      String b = ids.get(rnd.nextInt(ids.size()));
      if (a.equals(b)) {
        continue;
      }
      boolean on = rnd.nextDouble() < 0.8;
      List<String> shuffled = new ArrayList<>(assetIds);
      Collections.shuffle(shuffled, rnd);
      String id = String.format("f%05d", j);
      flows.add(new DataFlow(id, id, a, b, flowKinds.get(rnd.nextInt(flowKinds.size())), protocols.get(rnd.nextInt(protocols.size())),
          List.copyOf(shuffled.subList(0, 1 + rnd.nextInt(2))), on ? Authentication.TOKEN : Authentication.NONE,
          on ? Authorization.ROLE_BASED : Authorization.NONE, on ? Encryption.TRANSPORT : Encryption.NONE,
          on ? Integrity.TRANSPORT : Integrity.NONE, ""));
    }
    List<SecurityControl> controls = new ArrayList<>();
    Capability[] caps = {Capability.AUTHENTICATION, Capability.ACCESS_CONTROL, Capability.ENCRYPTION_AT_REST, Capability.AUDIT_LOG,
        Capability.RATE_LIMITING, Capability.ACCOUNT_LOCKOUT, Capability.SESSION_TIMEOUT, Capability.INPUT_VALIDATION,
        Capability.SECURITY_MONITORING, Capability.CODE_SIGNING, Capability.SIGNATURE_VERIFICATION, Capability.MESSAGE_INTEGRITY,
        Capability.ANTI_REPLAY, Capability.BACKUP_RESTORE, Capability.REDUNDANCY, Capability.PATCH_MANAGEMENT,
        Capability.CONSENT_RECORD};
    for (int k = 0; k < Math.max(1, nComponents / 10); k++) {
      List<String> shuffled = new ArrayList<>(ids);
      Collections.shuffle(shuffled, rnd);
      List<Capability> provides = new ArrayList<>(List.of(caps));
      Collections.shuffle(provides, rnd);
      String id = String.format("ctl%04d", k);
      controls.add(new SecurityControl(id, id, ControlCategory.values()[rnd.nextInt(ControlCategory.values().length)],
          List.copyOf(provides.subList(0, 1 + rnd.nextInt(3))), List.copyOf(shuffled.subList(0, 1 + rnd.nextInt(20))),
          ControlStatus.IMPLEMENTED, rnd.nextDouble() < 0.7 ? List.of(new Verification("automated-test", "TST-" + k, "")) : List.of(),
          ""));
    }
    List<Hazard> hazards = List.of(new Hazard("HAZ-1", "Missed deterioration", Severity.CRITICAL, List.of(ids.get(0), ids.get(1)), ""));
    List<Actor> actors = List.of(new Actor("admin", "Administrator", ActorKind.ADMINISTRATOR, List.of(ids.get(2)), ""));
    return new DeviceModel(new Device("Generated fleet platform", "Bench Medical", "1.0.0", "Benchmark", List.of(), "", ""), actors,
        zoneList, assetList, components, flows, controls, hazards, List.of(), List.of(), List.of());
  }
}
