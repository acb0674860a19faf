package io.vigie.core.risk;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataAsset;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.Exploitability;
import io.vigie.core.model.Hazard;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Names;
import io.vigie.core.model.Need;
import io.vigie.core.model.Reachability;
import io.vigie.core.model.RiskAcceptance;
import io.vigie.core.model.RiskOverride;
import io.vigie.core.model.SecurityControl;
import io.vigie.core.model.Severity;
import io.vigie.core.model.Stride;
import io.vigie.core.model.TrustZone;
import io.vigie.core.threat.Complexity;
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

/**
 * Turns threats into security risks, following the FDA premarket guidance (exploitability, not
 * probability) and AAMI TIR57 (severity from patient harm and from the impact on data).
 *
 * <ul>
 *   <li><b>Exploitability</b> starts from where the attacker must be to reach the threat's first
 *       element (internet 5, adjacent network or radio range 4, local 2, physical 1), minus one if
 *       the attacker must hold an account, minus one for a complex attack.
 *   <li><b>Severity</b> is the worse of the patient harm the elements can cause (their harm
 *       severity and declared hazards; only for threats that can change what the device does) and
 *       the data impact (the assets' need for the property the threat attacks: high is serious,
 *       one step more when a server-side store holds every patient's data).
 *   <li><b>Residual</b>: each mitigation the rule names that is in force on the threat's elements
 *       lowers exploitability by one level, or two if a control providing it is verified by a
 *       test; severity is left as it is, since security controls make an attack harder, not its
 *       consequences lighter.
 * </ul>
 */
public final class RiskAssessor {
  private final RiskPolicy policy;
  private final boolean explain;

  public RiskAssessor(RiskPolicy policy) {
    this(policy, true);
  }

  private RiskAssessor(RiskPolicy policy, boolean explain) {
    this.policy = policy;
    this.explain = explain;
  }

  /**
   * The same assessor, whose risks have an empty {@link Risk#explanation()}: every other field is
   * the same, since no sentence of the explanation feeds a level, a control or a flag. For callers
   * that never print it ({@code vigie diff}), which then skip about a third of the work.
   */
  public RiskAssessor withoutExplanations() {
    return new RiskAssessor(policy, false);
  }

  public List<Risk> assess(ModelIndex model, List<Threat> threats) {
    Map<String, RiskOverride> overrides = new HashMap<>();
    model.model().overrides().forEach(o -> overrides.putIfAbsent(o.threat(), o));
    Map<String, RiskAcceptance> acceptances = new HashMap<>();
    model.model().acceptances().forEach(a -> acceptances.putIfAbsent(a.threat(), a));
    // Each risk depends on its threat and the immutable index only: assess them on every core; the
    // ordered stream keeps the threats' order.
    return threats.parallelStream()
        .map(t -> assess(model, t, Optional.ofNullable(overrides.get(t.id())), Optional.ofNullable(acceptances.get(t.id()))))
        .toList();
  }

  private Risk assess(ModelIndex model, Threat threat, Optional<RiskOverride> override,
      Optional<RiskAcceptance> acceptance) {
    // Null when the explanation is not wanted: no sentence is made.
    List<String> why = explain ? new ArrayList<>() : null;

    Reachability from = entryReachability(model, threat.elements().get(0));
    int e = from.baseExploitability();
    if (why != null) {
      why.add("Reachable from " + words(from) + " through '" + threat.elements().get(0) + "' (exploitability starts at " + e + "/5).");
    }
    if (threat.requiresAuthentication()) {
      e--;
      if (why != null) {
        why.add("The attacker needs a valid account first (-1).");
      }
    }
    if (threat.complexity() == Complexity.HIGH) {
      e--;
      if (why != null) {
        why.add("The attack needs conditions beyond the attacker's control (-1).");
      }
    }
    Exploitability exploitability = Exploitability.ofRank(e);

    // The components and hazards patient harm and the safety risks both read, found once.
    boolean canHarm = threat.category().canHarmPatient();
    List<Component> affected = canHarm ? affectedComponents(model, threat) : List.of();
    List<Hazard> hazards = canHarm ? safetyHazards(model, threat, affected) : List.of();
    Impact harm = patientHarm(model, threat, affected, hazards, explain);
    Impact data = dataImpact(model, threat, explain);
    Severity severity = harm.severity.compareTo(data.severity) >= 0 ? harm.severity : data.severity;
    if (why != null) {
      why.add(harm.reason);
      why.add(data.reason);
    }

    if (override.isPresent()) {
      RiskOverride o = override.get();
      if (o.exploitability().isPresent()) {
        if (why != null) {
          why.add("Exploitability overridden from " + Names.of(exploitability) + " to " + Names.of(o.exploitability().get()) + ": " + o.rationale());
        }
        exploitability = o.exploitability().get();
      }
      if (o.severity().isPresent()) {
        if (why != null) {
          why.add("Severity overridden from " + Names.of(severity) + " to " + Names.of(o.severity().get()) + ": " + o.rationale());
        }
        severity = o.severity().get();
      }
    }

    int residual = exploitability.rank();
    Set<String> controls = new LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    for (Capability capability : threat.mitigations()) {
      List<SecurityControl> providers = model.implementedControls(threat.elements(), capability);
      boolean intrinsic = threat.elements().stream().anyMatch(id -> model.intrinsicCapabilities(id).contains(capability));
      boolean verified = providers.stream().anyMatch(SecurityControl::isVerified);
      if (providers.isEmpty() && !intrinsic) {
        missing.add(Names.of(capability));
        continue;
      }
      int step = verified ? 2 : 1;
      residual -= step;
      providers.forEach(c -> controls.add(c.id()));
      if (why != null) {
        String by = providers.isEmpty() ? "the element's own protection" : "control " + ids(providers);
        why.add("Mitigated by " + Names.of(capability) + " (" + by + (verified ? ", verified" : ", not verified by any test") + ", -" + step + ").");
      }
    }
    if (!missing.isEmpty() && why != null) {
      why.add("Not mitigated by: " + String.join(", ", missing) + ".");
    }
    Exploitability residualExploitability = Exploitability.ofRank(residual);
    RiskLevel level = policy.matrix().level(exploitability, severity);
    RiskLevel residualLevel = policy.matrix().level(residualExploitability, severity);

    boolean acceptable = residualLevel.compareTo(policy.acceptable()) <= 0;
    if (!acceptable && acceptance.isPresent()) {
      RiskAcceptance a = acceptance.get();
      if (residualLevel.compareTo(policy.acceptableWithRationale()) <= 0) {
        acceptable = true;
        if (why != null) {
          why.add("Residual risk accepted by " + a.acceptedBy() + " on " + a.date() + ": " + a.rationale());
        }
      } else {
        if (why != null) {
          why.add("A risk acceptance is recorded, but policy does not allow accepting a " + Names.of(residualLevel) + " risk: it must be reduced.");
        }
      }
    }
    if (why != null) {
      why.add("Risk " + Names.of(level) + " (" + Names.of(exploitability) + " exploitability x " + Names.of(severity)
          + " severity), residual " + Names.of(residualLevel) + (acceptable ? ", acceptable." : ", NOT acceptable under the policy."));
    }

    return new Risk(
        Risk.idOf(threat.id()), threat.id(), exploitability, severity, level,
        residualExploitability, residualLevel, acceptable, acceptance.isPresent(), override.isPresent(),
        controls.stream().sorted().toList(), missing, safetyRisks(threat, hazards), why == null ? List.of() : why);
  }

  private static String ids(List<SecurityControl> controls) {
    return String.join(", ", controls.stream().map(SecurityControl::id).sorted().toList());
  }

  private static String words(Reachability r) {
    switch (r) {
      case INTERNET: return "the internet";
      case ADJACENT: return "an adjacent network or radio range";
      case LOCAL: return "a local foothold on the host";
      default: return "physical access only";
    }
  }

  private static Reachability entryReachability(ModelIndex model, String elementId) {
    Optional<DataFlow> flow = model.flow(elementId);
    if (flow.isPresent()) {
      return model.reachability(flow.get());
    }
    return model.element(elementId).map(e -> {
      if (e instanceof Component c) {
        return model.reachability(c);
      }
      if (e instanceof TrustZone z) {
        return z.trust().attackerPosition();
      }
      if (e instanceof DataAsset a) {
        return model.reachability(a);
      }
      return Reachability.INTERNET;
    }).orElse(Reachability.INTERNET);
  }

  /** {@code reason} is null when no explanation is made. */
  private record Impact(Severity severity, String reason) {}


  /** Components whose harm counts: the threat's components and the receivers of its flows. */
  private static List<Component> affectedComponents(ModelIndex model, Threat threat) {
    Map<String, Component> out = new LinkedHashMap<>();
    for (String id : threat.elements()) {
      model.flow(id).ifPresent(f -> out.putIfAbsent(f.to(), model.component(f.to())));
      model.element(id).filter(Component.class::isInstance).map(Component.class::cast)
          .ifPresent(c -> out.putIfAbsent(c.id(), c));
    }
    return List.copyOf(out.values());
  }

  /** {@code affected} and {@code hazards}: the threat's {@link #affectedComponents} and {@link #safetyHazards}. */
  private static Impact patientHarm(ModelIndex model, Threat threat, List<Component> affected, List<Hazard> hazards,
      boolean explain) {
    if (!threat.category().canHarmPatient()) {
      return new Impact(Severity.NEGLIGIBLE, explain
          ? "Patient harm not counted: " + Names.of(threat.category()) + " does not change what the device does." : null);
    }
    Severity worst = Severity.NEGLIGIBLE;
    String source = "no element with a clinical function";
    boolean fromHazard = false;
    // Components first, then hazards: on equal severity a declared hazard names the harm more
    // precisely, so it wins; within each kind the smaller ID wins, so list order never matters.
    for (Component c : sortedById(affected, Component::id)) {
      if (c.harmSeverity().compareTo(worst) > 0) {
        worst = c.harmSeverity();
        source = explain ? "'" + c.id() + "'" + c.clinicalFunction().map(f -> " (" + f + ")").orElse("") : null;
      }
    }
    Severity fromComponents = worst;
    // Hazards declared on the threat's own elements first: on equal severity they name the harm
    // this threat leads to more precisely than a hazard of a component it merely reaches.
    java.util.Set<String> own = new java.util.HashSet<>();
    threat.elements().forEach(id -> model.hazardsOf(id).forEach(h -> own.add(h.id())));
    List<Hazard> candidates = hazards.stream()
        .sorted(java.util.Comparator.comparing((Hazard h) -> own.contains(h.id()) ? 0 : 1).thenComparing(Hazard::id)).toList();
    for (Hazard h : candidates) {
      boolean firstHazardAtThisLevel = h.severity() == fromComponents && worst == fromComponents && !fromHazard;
      if (h.severity().compareTo(worst) > 0 || firstHazardAtThisLevel && h.severity() != Severity.NEGLIGIBLE) {
        worst = h.severity();
        source = explain ? "hazard " + h.id() + " (" + h.title() + ")" : null;
        fromHazard = true;
      }
    }
    return new Impact(worst, explain ? "Patient harm " + Names.of(worst) + " from " + source + "." : null);
  }

  private static <T> List<T> sortedById(List<T> items, java.util.function.Function<T, String> id) {
    return items.stream().sorted(java.util.Comparator.comparing(id)).toList();
  }

  /** One data asset at stake in a threat, and whether a server-side element holds every patient's copy. */
  private record Stake(DataAsset asset, Need need, boolean allPatients) {}

  private static Impact dataImpact(ModelIndex model, Threat threat, boolean explain) {
    List<Stake> stakes = new ArrayList<>();
    for (String id : threat.elements()) {
      Optional<DataFlow> flow = model.flow(id);
      if (flow.isPresent()) {
        boolean bulk = model.component(flow.get().from()).kind().isServerSide() && model.component(flow.get().to()).kind().isServerSide();
        model.assets(flow.get().assets()).forEach(a -> stakes.add(new Stake(a, need(a, threat.category()), bulk)));
        continue;
      }
      Optional<io.vigie.core.model.Element> element = model.element(id);
      if (element.isPresent() && element.get() instanceof Component c) {
        boolean store = c.kind().isServerSide() && !c.stores().isEmpty();
        model.assets(c.handles()).forEach(a -> stakes.add(new Stake(a, need(a, threat.category()), store && c.stores().contains(a.id()))));
      } else if (element.isPresent() && element.get() instanceof DataAsset a) {
        stakes.add(new Stake(a, need(a, threat.category()), false));
      }
    }
    Need worst = stakes.stream().map(Stake::need).max(Need::compareTo).orElse(Need.NONE);
    if (worst == Need.NONE) {
      return new Impact(Severity.NEGLIGIBLE, explain ? "No data asset at stake." : null);
    }
    List<Stake> top = stakes.stream().filter(x -> x.need() == worst)
        .sorted(java.util.Comparator.comparing(x -> x.asset().id())).toList();
    DataAsset asset = top.get(0).asset();
    boolean multiPatient = top.stream().anyMatch(Stake::allPatients);
    Severity s = worst == Need.HIGH ? Severity.SERIOUS : Severity.MINOR;
    if (!explain) {
      return new Impact(multiPatient && worst.atLeast(Need.MEDIUM) ? Severity.ofRank(s.rank() + 1) : s, null);
    }
    String property = property(threat.category());
    if (multiPatient && worst.atLeast(Need.MEDIUM)) {
      s = Severity.ofRank(s.rank() + 1);
      return new Impact(s, "Data impact " + Names.of(s) + ": '" + asset.id() + "' needs " + Names.of(worst) + " " + property
          + ", and a server-side store holds every patient's copy (multi-patient impact, +1).");
    }
    return new Impact(s, "Data impact " + Names.of(s) + ": '" + asset.id() + "' needs " + Names.of(worst) + " " + property + ".");
  }

  private static Need need(DataAsset a, Stride category) {
    switch (category) {
      case INFORMATION_DISCLOSURE: return a.confidentiality();
      case TAMPERING:
      case REPUDIATION: return a.integrity();
      case DENIAL_OF_SERVICE: return a.availability();
      default:
        Need worst = a.confidentiality();
        if (a.integrity().compareTo(worst) > 0) {
          worst = a.integrity();
        }
        return a.availability().compareTo(worst) > 0 ? a.availability() : worst;
    }
  }

  private static String property(Stride category) {
    switch (category) {
      case INFORMATION_DISCLOSURE: return "confidentiality";
      case TAMPERING:
      case REPUDIATION: return "integrity";
      case DENIAL_OF_SERVICE: return "availability";
      default: return "protection (confidentiality, integrity or availability)";
    }
  }

  /** {@code affected}: the threat's {@link #affectedComponents}. */
  private static List<Hazard> safetyHazards(ModelIndex model, Threat threat, List<Component> affected) {
    Map<String, Hazard> out = new LinkedHashMap<>();
    for (String id : threat.elements()) {
      model.hazardsOf(id).forEach(h -> out.putIfAbsent(h.id(), h));
      model.flow(id).ifPresent(f -> model.hazardsOf(f.to()).forEach(h -> out.putIfAbsent(h.id(), h)));
    }
    for (Component c : affected) {
      model.hazardsOf(c.id()).forEach(h -> out.putIfAbsent(h.id(), h));
    }
    return List.copyOf(out.values());
  }

  /** {@code hazards}: the threat's {@link #safetyHazards}. */
  private static List<String> safetyRisks(Threat threat, List<Hazard> hazards) {
    if (!threat.category().canHarmPatient()) {
      return List.of();
    }
    return hazards.stream().map(Hazard::id).sorted().toList();
  }
}
