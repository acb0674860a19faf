package io.vigie.core.threat;

import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.ManualThreat;
import io.vigie.core.model.ModelIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the rules over a model and adds the maker's manual threats. The result is sorted by threat
 * ID, so that it does not depend on the order of the model's lists or of the rules.
 */
public final class ThreatEngine {
  private final List<ThreatRule> rules;

  public ThreatEngine(List<ThreatRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<ThreatRule> rules() {
    return rules;
  }

  public List<Threat> threats(ModelIndex model) {
    return withManual(model, derived(model, RuleScope.all()));
  }

  /**
   * The threats the rules derive at the places in scope, one per ID (the first found, in rule
   * order), not sorted and without the manual ones.
   */
  public List<Threat> derived(ModelIndex model, RuleScope scope) {
    // Rules are pure functions of an immutable index: run them on every core, then merge in rule
    // order so that the result is the same as a sequential run.
    List<List<Threat>> perRule = rules.parallelStream()
        .map(rule -> rule.apply(model, scope).stream().map(f -> Threat.derived(rule.info(), f)).toList())
        .toList();
    Map<String, Threat> byId = new LinkedHashMap<>();
    for (List<Threat> found : perRule) {
      for (Threat t : found) {
        byId.putIfAbsent(t.id(), t);
      }
    }
    return List.copyOf(byId.values());
  }

  /**
   * The register of a model from its derived threats: the maker's manual threats added (a derived
   * threat keeps its ID if a manual one has the same), sorted by ID.
   */
  public List<Threat> withManual(ModelIndex model, java.util.Collection<Threat> derived) {
    Map<String, Threat> byId = new LinkedHashMap<>();
    for (Threat t : derived) {
      byId.putIfAbsent(t.id(), t);
    }
    for (ManualThreat m : model.model().threats()) {
      byId.putIfAbsent(m.id(), manual(m));
    }
    List<Threat> out = new ArrayList<>(byId.values());
    out.sort(Comparator.comparing(Threat::id));
    return List.copyOf(out);
  }

  private static Threat manual(ManualThreat m) {
    return new Threat(
        m.id(),
        Threat.MANUAL,
        m.title(),
        m.category(),
        m.privacy(),
        m.elements(),
        m.description(),
        m.cwe(),
        m.capec(),
        List.<ControlCategory>of(),
        m.mitigations(),
        false,
        Complexity.LOW);
  }
}
