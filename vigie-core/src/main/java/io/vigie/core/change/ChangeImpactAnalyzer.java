package io.vigie.core.change;

import io.vigie.core.analysis.Analysis;
import io.vigie.core.analysis.Analyzer;
import io.vigie.core.model.Component;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.SecurityControl;
import io.vigie.core.model.Severity;
import io.vigie.core.model.Verification;
import io.vigie.core.risk.Risk;
import io.vigie.core.risk.RiskLevel;
import io.vigie.core.threat.Threat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The security risk re-analysis of one modification (FDA premarket guidance §VII on changes to a
 * cyber device; IEC 81001-5-1 §5.x change management): which elements a change touches, directly
 * or through the data they exchange, and what that does to threats, risks and controls, with the
 * tests to re-run and a gate. Pure: the shell reads git or folders and passes a {@link ChangeInput}.
 */
public final class ChangeImpactAnalyzer {
  private static final Set<DataCategory> CLINICAL = EnumSet.of(DataCategory.HEALTH, DataCategory.THERAPY);

  /** From this many impacted elements, half of them are described on another thread. */
  private static final int PARALLEL_FROM = 256;

  private final Analyzer analyzer;
  private final ChangePolicy policy;
  private final boolean whole;
  private final int parallelFrom;

  public ChangeImpactAnalyzer(Analyzer analyzer, ChangePolicy policy) {
    this(analyzer, policy, false, PARALLEL_FROM);
  }

  private ChangeImpactAnalyzer(Analyzer analyzer, ChangePolicy policy, boolean whole, int parallelFrom) {
    this.analyzer = analyzer;
    this.policy = policy;
    this.whole = whole;
    this.parallelFrom = parallelFrom;
  }

  /**
   * The same analysis, with the base revision's model analysed whole rather than from the head's
   * analysis ({@link Analyzer#analyzeFrom}), and every impacted element described on this thread:
   * slower, the same result; kept to prove that.
   */
  public ChangeImpactAnalyzer withWholeAnalysis() {
    return new ChangeImpactAnalyzer(analyzer, policy, true, Integer.MAX_VALUE);
  }

  public ChangeImpact analyze(ChangeInput in) {
    DeviceModel after = in.after();
    // What does not need the head's analysis (checking and indexing the base, comparing the two
    // models, mapping the changed files) is done on another thread while the head is analysed.
    CompletableFuture<Prepared> prepared = CompletableFuture.supplyAsync(() -> prepare(in));
    ModelIndex index = ModelIndex.of(after);
    Analyzer.validate(after);
    Analysis afterAnalysis = analyzer.analyze(index);
    Prepared prep;
    try {
      prep = prepared.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    // The base differs from the head in a few places: its analysis is the head's, with threats and
    // risks made again only where a difference reaches (exact; see io.vigie.core.analysis.ChangeScope).
    Optional<Analysis> beforeAnalysis = prep.before().map(beforeIndex ->
        whole ? analyzer.analyze(beforeIndex) : analyzer.analyzeFrom(beforeIndex, index, afterAnalysis));
    List<ElementChange> modelChanges = prep.modelChanges();
    List<MappedFile> mapped = prep.mapped();
    List<String> unmapped = prep.unmapped();

    Map<String, Risk> risksBefore = new HashMap<>();
    beforeAnalysis.ifPresent(a -> a.risks().forEach(r -> risksBefore.put(r.threat(), r)));
    Map<String, Risk> risksAfter = new HashMap<>();
    afterAnalysis.risks().forEach(r -> risksAfter.put(r.threat(), r));
    List<ThreatChange> threatChanges = threatChanges(beforeAnalysis, afterAnalysis);
    List<RiskChange> riskChanges = riskChanges(risksBefore, risksAfter);

    Impacts impacts = new Impacts();
    seedFromModel(impacts, modelChanges, in.before(), after, index);
    for (MappedFile m : mapped) {
      m.components().forEach(c -> impacts.direct(c, "code changed: " + m.file().path()));
    }
    for (PackageChange p : in.packages()) {
      for (Component c : after.components()) {
        if (c.sbom().map(p.sbom()::equals).orElse(false)) {
          impacts.direct(c.id(), "third-party package " + p.describe() + " (" + p.sbom() + ")");
        }
      }
    }
    // By ID, once: a change that moves thousands of risks would otherwise scan every threat for each.
    Map<String, Threat> threatsAfter = new HashMap<>();
    afterAnalysis.threats().forEach(t -> threatsAfter.putIfAbsent(t.id(), t));
    for (RiskChange r : riskChanges) {
      Optional<Threat> t = Optional.ofNullable(threatsAfter.get(r.threat()));
      t.ifPresent(x -> x.elements().stream().filter(id -> index.element(id).isPresent() && !impacts.has(id))
          .forEach(id -> impacts.direct(id, "its risk " + r.risk() + " changed")));
    }
    propagate(impacts, index);

    List<ImpactedElement> impacted = describe(impacts, index, afterAnalysis, risksBefore, risksAfter);
    boolean relevant = !modelChanges.isEmpty() || !mapped.isEmpty() || !in.packages().isEmpty()
        || !threatChanges.isEmpty() || !riskChanges.isEmpty();
    List<String> gate = gate(in, modelChanges, mapped, riskChanges, index);
    String verdict = verdict(in, relevant, modelChanges, mapped, unmapped, impacted, threatChanges, riskChanges);
    return new ChangeImpact(in.base(), in.head(), modelChanges, mapped, unmapped, in.outsideFiles(), in.packages(), threatChanges,
        riskChanges, impacted, relevant, verdict, gate.isEmpty(), gate);
  }

  /** The base model checked and indexed, the model changes, and the changed files mapped to components. */
  private record Prepared(Optional<ModelIndex> before, List<ElementChange> modelChanges, List<MappedFile> mapped,
      List<String> unmapped) {}

  private static Prepared prepare(ChangeInput in) {
    DeviceModel after = in.after();
    Optional<ModelIndex> before = in.before().map(b -> {
      Analyzer.validate(b);
      return ModelIndex.of(b);
    });
    List<ElementChange> modelChanges = in.before().map(b -> ModelDiff.between(b, after)).orElse(List.of());
    CodeMap code = CodeMap.of(after);
    List<MappedFile> mapped = new ArrayList<>();
    List<String> unmapped = new ArrayList<>();
    for (FileChange f : in.files()) {
      List<String> components = code.componentsOf(f.path());
      if (components.isEmpty() && f.oldPath().isPresent()) {
        components = code.componentsOf(f.oldPath().get());
      }
      if (components.isEmpty()) {
        if (!f.path().equals(in.modelPath())) {
          unmapped.add(f.path());
        }
      } else {
        mapped.add(new MappedFile(f, components));
      }
    }
    return new Prepared(before, modelChanges, mapped, unmapped);
  }

  /** Impacted element IDs with their reasons, direct ones marked, in discovery order. */
  private static final class Impacts {
    final Map<String, List<String>> reasons = new LinkedHashMap<>();
    final Set<String> direct = new LinkedHashSet<>();

    void direct(String id, String reason) {
      direct.add(id);
      add(id, reason);
    }

    void add(String id, String reason) {
      List<String> r = reasons.computeIfAbsent(id, k -> new ArrayList<>());
      if (!r.contains(reason)) {
        r.add(reason);
      }
    }

    boolean has(String id) {
      return reasons.containsKey(id);
    }
  }

  private static void seedFromModel(Impacts impacts, List<ElementChange> changes, Optional<DeviceModel> before,
      DeviceModel after, ModelIndex index) {
    for (ElementChange c : changes) {
      if (c.type() == ChangeType.REMOVED) {
        continue;
      }
      String what = c.type() == ChangeType.ADDED ? "added to the model"
          : "model changed: " + String.join(", ", c.fields().stream().map(f -> f.field() + " " + f.before() + " -> " + f.after()).toList());
      switch (c.kind()) {
        case "component":
        case "flow":
          impacts.direct(c.id(), what);
          break;
        case "zone":
          after.components().stream().filter(x -> x.zone().equals(c.id()))
              .forEach(x -> impacts.direct(x.id(), "its trust zone '" + c.id() + "' changed"));
          break;
        case "asset":
          after.components().stream().filter(x -> x.handles().contains(c.id()))
              .forEach(x -> impacts.direct(x.id(), "handles data asset '" + c.id() + "', which changed"));
          after.flows().stream().filter(x -> x.assets().contains(c.id()))
              .forEach(x -> impacts.direct(x.id(), "carries data asset '" + c.id() + "', which changed"));
          break;
        case "control":
          after.controls().stream().filter(x -> x.id().equals(c.id())).findFirst().ifPresent(ctl -> ctl.protects().stream()
              .filter(id -> index.element(id).isPresent())
              .forEach(id -> impacts.direct(id, "control '" + c.id() + "' protecting it changed")));
          break;
        default:
          break;
      }
    }
    // A removed flow or control leaves the elements it linked or protected impacted: they lost a
    // link or a protection. Those elements are looked up in the old model, kept if still present.
    if (before.isEmpty()) {
      return;
    }
    for (ElementChange c : changes) {
      if (c.type() != ChangeType.REMOVED) {
        continue;
      }
      if (c.kind().equals("flow")) {
        before.get().flows().stream().filter(f -> f.id().equals(c.id())).findFirst().ifPresent(f -> {
          for (String end : List.of(f.from(), f.to())) {
            if (index.element(end).isPresent()) {
              impacts.direct(end, "flow '" + c.id() + "' removed");
            }
          }
        });
      } else if (c.kind().equals("control")) {
        before.get().controls().stream().filter(x -> x.id().equals(c.id())).findFirst().ifPresent(ctl -> ctl.protects().stream()
            .filter(id -> index.element(id).isPresent())
            .forEach(id -> impacts.direct(id, "control '" + c.id() + "' that protected it was removed")));
      }
    }
  }

  private void propagate(Impacts impacts, ModelIndex index) {
    List<String> frontier = new ArrayList<>(impacts.direct);
    for (int hop = 0; hop < policy.depth() && !frontier.isEmpty(); hop++) {
      List<String> next = new ArrayList<>();
      for (String id : frontier) {
        Optional<DataFlow> flow = index.flow(id);
        if (flow.isPresent()) {
          DataFlow f = flow.get();
          if (policy.direction() != ChangePolicy.Direction.UPSTREAM && !impacts.has(f.to())) {
            impacts.add(f.to(), "receives " + assets(f) + " through changed flow '" + f.id() + "'");
            next.add(f.to());
          }
          if (policy.direction() != ChangePolicy.Direction.DOWNSTREAM && !impacts.has(f.from())) {
            impacts.add(f.from(), "sends " + assets(f) + " through changed flow '" + f.id() + "'");
            next.add(f.from());
          }
          continue;
        }
        if (policy.direction() != ChangePolicy.Direction.UPSTREAM) {
          for (DataFlow f : index.flowsFrom(id)) {
            if (!impacts.has(f.to())) {
              impacts.add(f.to(), "receives " + assets(f) + " from changed '" + id + "' through flow '" + f.id() + "'");
              next.add(f.to());
            }
            if (!impacts.has(f.id())) {
              impacts.add(f.id(), "carries " + assets(f) + " from changed '" + id + "'");
            }
          }
        }
        if (policy.direction() != ChangePolicy.Direction.DOWNSTREAM) {
          for (DataFlow f : index.flowsTo(id)) {
            if (!impacts.has(f.from())) {
              impacts.add(f.from(), "sends " + assets(f) + " to changed '" + id + "' through flow '" + f.id() + "'");
              next.add(f.from());
            }
            if (!impacts.has(f.id())) {
              impacts.add(f.id(), "carries " + assets(f) + " to changed '" + id + "'");
            }
          }
        }
      }
      frontier = next;
    }
  }

  private static String assets(DataFlow f) {
    return f.assets().isEmpty() ? "data" : String.join(", ", f.assets());
  }

  private static List<ThreatChange> threatChanges(Optional<Analysis> before, Analysis after) {
    Map<String, Threat> old = new LinkedHashMap<>();
    before.ifPresent(a -> a.threats().forEach(t -> old.put(t.id(), t)));
    Map<String, Threat> now = new LinkedHashMap<>();
    after.threats().forEach(t -> now.put(t.id(), t));
    List<ThreatChange> out = new ArrayList<>();
    now.values().stream().filter(t -> !old.containsKey(t.id()))
        .forEach(t -> out.add(new ThreatChange(t.id(), ChangeType.ADDED, t.title(), t.elements())));
    old.values().stream().filter(t -> !now.containsKey(t.id()))
        .forEach(t -> out.add(new ThreatChange(t.id(), ChangeType.REMOVED, t.title(), t.elements())));
    return out;
  }

  private static List<RiskChange> riskChanges(Map<String, Risk> before, Map<String, Risk> after) {
    // A risk the base's analysis took over from the head's (the same object) did not change: only
    // the others are compared, in threat ID order.
    List<String> threats = new ArrayList<>();
    for (Map.Entry<String, Risk> e : before.entrySet()) {
      if (e.getValue() != after.get(e.getKey())) {
        threats.add(e.getKey());
      }
    }
    for (String t : after.keySet()) {
      if (!before.containsKey(t)) {
        threats.add(t);
      }
    }
    threats.sort(null);
    List<RiskChange> out = new ArrayList<>();
    for (String t : threats) {
      Optional<Risk> b = Optional.ofNullable(before.get(t));
      Optional<Risk> a = Optional.ofNullable(after.get(t));
      RiskChange c = riskChange(t, b, a);
      boolean same = b.isPresent() && a.isPresent() && b.get().level() == a.get().level()
          && b.get().residualLevel() == a.get().residualLevel() && b.get().acceptable() == a.get().acceptable()
          && c.controlsAdded().isEmpty() && c.controlsRemoved().isEmpty();
      if (!same) {
        out.add(c);
      }
    }
    return out;
  }

  private static RiskChange riskChange(String threat, Optional<Risk> b, Optional<Risk> a) {
    if (b.isPresent() && b.get() == a.orElse(null)) {
      Risk r = b.get();
      return new RiskChange(Risk.idOf(threat), threat, Optional.of(r.level()), Optional.of(r.level()),
          Optional.of(r.residualLevel()), Optional.of(r.residualLevel()), r.acceptable(), r.acceptable(), List.of(), List.of());
    }
    Set<String> cb = new TreeSet<>(b.map(Risk::controls).orElse(List.of()));
    Set<String> ca = new TreeSet<>(a.map(Risk::controls).orElse(List.of()));
    List<String> removed = cb.stream().filter(x -> !ca.contains(x)).toList();
    List<String> added = ca.stream().filter(x -> !cb.contains(x)).toList();
    return new RiskChange(Risk.idOf(threat), threat, b.map(Risk::level), a.map(Risk::level),
        b.map(Risk::residualLevel), a.map(Risk::residualLevel), b.map(Risk::acceptable).orElse(true),
        a.map(Risk::acceptable).orElse(true), removed, added);
  }

  /**
   * Each impacted element with its threats, risks, controls, tests and flags, direct ones first.
   * Each description reads only immutable inputs: from {@code parallelFrom} elements, the second
   * half is described on another thread, and the halves joined in order.
   */
  private List<ImpactedElement> describe(Impacts impacts, ModelIndex index, Analysis after,
      Map<String, Risk> risksBefore, Map<String, Risk> risksAfter) {
    Map<String, List<Threat>> threatsByElement = new HashMap<>();
    for (Threat t : after.threats()) {
      for (String e : t.elements()) {
        threatsByElement.computeIfAbsent(e, k -> new ArrayList<>()).add(t);
      }
    }
    List<Map.Entry<String, List<String>>> entries = new ArrayList<>(impacts.reasons.entrySet());
    int split = entries.size() >= Math.max(2, parallelFrom) ? entries.size() / 2 : entries.size();
    CompletableFuture<List<ImpactedElement>> rest = split < entries.size()
        ? CompletableFuture.supplyAsync(() -> describe(entries.subList(split, entries.size()), impacts, index, threatsByElement,
            risksBefore, risksAfter))
        : null;
    List<ImpactedElement> all = new ArrayList<>(describe(entries.subList(0, split), impacts, index, threatsByElement,
        risksBefore, risksAfter));
    if (rest != null) {
      try {
        all.addAll(rest.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    List<ImpactedElement> direct = new ArrayList<>();
    List<ImpactedElement> reached = new ArrayList<>();
    for (ImpactedElement ie : all) {
      (ie.direct() ? direct : reached).add(ie);
    }
    List<ImpactedElement> out = new ArrayList<>(direct);
    out.addAll(reached);
    return out;
  }

  /** The impacted elements of {@code entries} (those still in the model), in their order. */
  private static List<ImpactedElement> describe(List<Map.Entry<String, List<String>>> entries, Impacts impacts,
      ModelIndex index, Map<String, List<Threat>> threatsByElement, Map<String, Risk> risksBefore, Map<String, Risk> risksAfter) {
    // A threat of several impacted elements has one risk change, made once.
    Map<String, RiskChange> riskChanges = new HashMap<>();
    List<ImpactedElement> out = new ArrayList<>(entries.size());
    for (Map.Entry<String, List<String>> e : entries) {
      String id = e.getKey();
      Optional<io.vigie.core.model.Element> element = index.element(id);
      if (element.isEmpty()) {
        continue;
      }
      List<Threat> threats = threatsByElement.getOrDefault(id, List.of());
      List<RiskChange> risks = new ArrayList<>(threats.size());
      for (Threat t : threats) {
        risks.add(riskChanges.computeIfAbsent(t.id(),
            k -> riskChange(k, Optional.ofNullable(risksBefore.get(k)), Optional.ofNullable(risksAfter.get(k)))));
      }
      Set<String> controls = new TreeSet<>();
      Set<String> tests = new TreeSet<>();
      for (SecurityControl c : index.controlsProtecting(id)) {
        controls.add(c.id());
        for (Verification v : c.verification()) {
          tests.add(v.reference() + " (" + v.method() + ", verifies " + c.id() + ")");
        }
      }
      String kind = element.get() instanceof Component ? "component" : element.get() instanceof DataFlow ? "flow" : "element";
      out.add(new ImpactedElement(id, kind, element.get().name(), impacts.direct.contains(id), e.getValue(),
          threats.stream().map(Threat::id).toList(), risks, List.copyOf(controls), List.copyOf(tests),
          patientSafety(index, id), dataIntegrity(index, id)));
    }
    return out;
  }

  /** A component of serious-or-worse harm or with a declared hazard, or a flow into or out of one. */
  static boolean patientSafety(ModelIndex index, String id) {
    Optional<DataFlow> flow = index.flow(id);
    if (flow.isPresent()) {
      return !index.hazardsOf(id).isEmpty() || safetyComponent(index, flow.get().to())
          || safetyComponent(index, flow.get().from());
    }
    return index.element(id).filter(Component.class::isInstance).isPresent() && safetyComponent(index, id);
  }

  private static boolean safetyComponent(ModelIndex index, String id) {
    Component c = index.component(id);
    return c.harmSeverity().atLeast(Severity.SERIOUS) || !index.hazardsOf(id).isEmpty();
  }

  /** A flow that carries, or a component that stores, health data or therapy settings. */
  static boolean dataIntegrity(ModelIndex index, String id) {
    Optional<DataFlow> flow = index.flow(id);
    if (flow.isPresent()) {
      return index.carriesAny(flow.get(), CLINICAL);
    }
    return index.element(id).filter(Component.class::isInstance).map(c -> index.storesAny((Component) c, CLINICAL)).orElse(false);
  }

  private List<String> gate(ChangeInput in, List<ElementChange> modelChanges, List<MappedFile> mapped,
      List<RiskChange> risks, ModelIndex index) {
    List<String> reasons = new ArrayList<>();
    if (policy.failOnNewUnacceptableRisk()) {
      risks.stream().filter(RiskChange::becameUnacceptable).forEach(r -> reasons.add(
          "new unacceptable residual risk: " + r.risk() + " (residual " + r.residualAfter().map(ChangeImpactAnalyzer::word).orElse("") + ")"));
      risks.stream().filter(RiskChange::worsenedWhileUnacceptable).forEach(r -> reasons.add(
          "unacceptable residual risk made worse: " + r.risk() + " (residual " + r.residualBefore().map(ChangeImpactAnalyzer::word).orElse("")
              + " -> " + r.residualAfter().map(ChangeImpactAnalyzer::word).orElse("") + ")"));
    }
    if (policy.failOnRemovedControlOnHighRisk()) {
      for (RiskChange r : risks) {
        boolean high = r.levelAfter().or(r::levelBefore).map(l -> l.compareTo(RiskLevel.HIGH) >= 0).orElse(false);
        if (high && !r.controlsRemoved().isEmpty() && r.residualAfter().isPresent()) {
          reasons.add("control " + String.join(", ", r.controlsRemoved()) + " no longer covers the "
              + r.levelAfter().map(ChangeImpactAnalyzer::word).orElse("") + " risk " + r.risk());
        }
      }
    }
    if (policy.failOnNewKnownExploited()) {
      for (PackageChange p : in.packages()) {
        p.knownExploited().forEach(v -> reasons.add("known-exploited vulnerability " + v + " comes with " + p.describe()));
      }
    }
    if (policy.failOnUnreviewedSafetyCode()) {
      boolean modelReviewed = !modelChanges.isEmpty() || in.files().stream().anyMatch(f -> f.path().equals(in.modelPath()));
      boolean marked = in.commitMessages().stream().anyMatch(m -> policy.reviewMarker().matcher(m).find());
      if (!modelReviewed && !marked) {
        Set<String> safety = new TreeSet<>();
        for (MappedFile m : mapped) {
          m.components().stream().filter(c -> safetyComponent(index, c)).forEach(safety::add);
        }
        for (String c : safety) {
          reasons.add("code of safety-relevant component '" + c + "' changed with no model review (change "
              + in.modelPath() + " or add a commit trailer matching " + policy.reviewMarker().pattern() + ")");
        }
      }
    }
    return reasons;
  }

  private static String word(RiskLevel l) {
    return io.vigie.core.model.Names.of(l);
  }

  private static String verdict(ChangeInput in, boolean relevant, List<ElementChange> modelChanges,
      List<MappedFile> mapped, List<String> unmapped, List<ImpactedElement> impacted,
      List<ThreatChange> threats, List<RiskChange> risks) {
    if (!relevant) {
      StringBuilder s = new StringBuilder("No security-relevant change: ");
      s.append(in.files().size()).append(in.files().size() == 1 ? " file of the device changed" : " files of the device changed");
      if (!unmapped.isEmpty()) {
        s.append(", none of them in the code of a component of the model (")
            .append(String.join(", ", unmapped.stream().limit(5).toList()))
            .append(unmapped.size() > 5 ? ", …" : "").append(")");
      }
      s.append("; the model and the SBOMs are unchanged, and no threat or risk changed.");
      if (!in.outsideFiles().isEmpty()) {
        s.append(" ").append(in.outsideFiles().size()).append(" more files changed outside the model's folder (not part of this device).");
      }
      return s.toString();
    }
    long safety = impacted.stream().filter(ImpactedElement::patientSafety).count();
    long integrity = impacted.stream().filter(ImpactedElement::dataIntegrity).count();
    long direct = impacted.stream().filter(ImpactedElement::direct).count();
    StringBuilder s = new StringBuilder();
    s.append("The change touches ").append(direct).append(direct == 1 ? " element" : " elements").append(" directly and ")
        .append(impacted.size() - direct).append(" more through data flows");
    s.append(" (").append(modelChanges.size()).append(" model changes, ").append(mapped.size()).append(" code files, ")
        .append(in.packages().size()).append(" package changes). ");
    s.append(threats.stream().filter(t -> t.type() == ChangeType.ADDED).count()).append(" threats appear, ")
        .append(threats.stream().filter(t -> t.type() == ChangeType.REMOVED).count()).append(" disappear, ")
        .append(risks.size()).append(" risks change. ");
    s.append(safety > 0 ? "PATIENT SAFETY: " + safety + " impacted elements carry a clinical function of serious or worse harm or a declared hazard. "
        : "No impacted element has a clinical function of serious or worse harm. ");
    s.append(integrity > 0 ? "DATA INTEGRITY: " + integrity + " impacted elements carry or store clinical data."
        : "No impacted element carries or stores clinical data.");
    return s.toString();
  }
}
