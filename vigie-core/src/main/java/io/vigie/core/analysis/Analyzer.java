package io.vigie.core.analysis;

import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.ModelValidator;
import io.vigie.core.risk.Risk;
import io.vigie.core.risk.RiskAssessor;
import io.vigie.core.risk.RiskLevel;
import io.vigie.core.risk.RiskPolicy;
import io.vigie.core.threat.RuleScope;
import io.vigie.core.threat.Threat;
import io.vigie.core.threat.ThreatEngine;
import io.vigie.core.threat.ThreatRule;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.validation.Suggestions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The security risk assessment of a device model: validate, derive threats, assess risks,
 * summarise. A pure function of its inputs.
 */
public final class Analyzer {
  private final ThreatEngine engine;
  private final RiskAssessor assessor;

  public Analyzer(List<ThreatRule> rules, RiskPolicy policy) {
    this(new ThreatEngine(rules), new RiskAssessor(policy));
  }

  private Analyzer(ThreatEngine engine, RiskAssessor assessor) {
    this.engine = engine;
    this.assessor = assessor;
  }

  /**
   * The same analyzer, whose risks have an empty explanation and are otherwise the same
   * ({@link RiskAssessor#withoutExplanations()}): for {@code vigie diff}, which prints levels,
   * controls and acceptability, never the explanation.
   */
  public Analyzer withoutExplanations() {
    return new Analyzer(engine, assessor.withoutExplanations());
  }

  /**
   * @throws InvalidInputException listing every structural problem of the model, or every override
   *     or acceptance that names a threat the analysis does not find
   */
  public Analysis analyze(DeviceModel model) {
    validate(model);
    return analyze(ModelIndex.of(model));
  }

  /** @throws InvalidInputException listing every structural problem of the model */
  public static void validate(DeviceModel model) {
    List<Problem> problems = ModelValidator.validate(model);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * The analysis of a model that {@link #validate} accepted, through its index.
   *
   * @throws InvalidInputException listing every override or acceptance that names a threat the
   *     analysis does not find
   */
  public Analysis analyze(ModelIndex index) {
    List<Threat> threats = engine.threats(index);
    checkThreatReferences(index.model(), threats);
    List<Risk> risks = assessor.assess(index, threats);
    return new Analysis(index.model().device(), summarise(index.model(), threats, risks), threats, risks);
  }

  /**
   * The analysis of {@code model} (validated), equal to {@link #analyze(ModelIndex)} of it, made
   * from {@code referenceAnalysis}, this analyzer's analysis of another version of the model
   * ({@code reference}): rules run again only at the components, flows and assets a difference
   * between the two versions can reach, and only the risks of threats such a difference can reach
   * are assessed again; every other threat and risk is the reference's, since everything it is
   * made from is the same. Why that is exact is written in {@link ChangeScope}; a difference that
   * every element can see (the device) makes it a whole analysis.
   *
   * @throws InvalidInputException as {@link #analyze(ModelIndex)}
   */
  public Analysis analyzeFrom(ModelIndex model, ModelIndex reference, Analysis referenceAnalysis) {
    Optional<ChangeScope> found = ChangeScope.between(reference, model);
    if (found.isEmpty()) {
      return analyze(model);
    }
    ChangeScope scope = found.get();
    RuleScope places = RuleScope.only(scope.places());
    // The reference's derived threats found at places out of scope are this model's too; those at
    // places in scope are found again here, on this model.
    Set<String> redone = new HashSet<>();
    engine.derived(reference, places).forEach(t -> redone.add(t.id()));
    List<Threat> fresh = engine.derived(model, places);
    List<Threat> derived = new ArrayList<>(referenceAnalysis.threats().size() + fresh.size());
    for (Threat t : referenceAnalysis.threats()) {
      if (!t.isManual() && !redone.contains(t.id())) {
        derived.add(t);
      }
    }
    derived.addAll(fresh);
    List<Threat> threats = engine.withManual(model, derived);
    checkThreatReferences(model.model(), threats);

    Map<String, Risk> known = new HashMap<>();
    for (Risk r : referenceAnalysis.risks()) {
      known.put(r.threat(), r);
    }
    Set<String> freshIds = new HashSet<>();
    fresh.forEach(t -> freshIds.add(t.id()));
    List<Threat> again = threats.stream()
        .filter(t -> t.isManual() || freshIds.contains(t.id()) || !known.containsKey(t.id()) || scope.reaches(t))
        .toList();
    Map<String, Risk> assessed = new HashMap<>();
    for (Risk r : assessor.assess(model, again)) {
      assessed.put(r.threat(), r);
    }
    List<Risk> risks = new ArrayList<>(threats.size());
    for (Threat t : threats) {
      Risk r = assessed.get(t.id());
      risks.add(r != null ? r : known.get(t.id()));
    }
    return new Analysis(model.model().device(), summarise(model.model(), threats, risks), threats, risks);
  }

  private static void checkThreatReferences(DeviceModel model, List<Threat> threats) {
    Set<String> ids = threats.stream().map(Threat::id).collect(Collectors.toSet());
    List<Problem> problems = new ArrayList<>();
    java.util.Map<String, Integer> overridden = new java.util.HashMap<>();
    for (int i = 0; i < model.overrides().size(); i++) {
      String threat = model.overrides().get(i).threat();
      unknownThreat(problems, "overrides[" + i + "].threat", threat, ids);
      Integer first = overridden.putIfAbsent(threat, i);
      if (first != null) {
        problems.add(Problem.at("overrides[" + i + "].threat", "a second override of '" + threat + "' (the first is overrides[" + first + "]); merge them"));
      }
    }
    java.util.Map<String, Integer> accepted = new java.util.HashMap<>();
    for (int i = 0; i < model.acceptances().size(); i++) {
      String threat = model.acceptances().get(i).threat();
      unknownThreat(problems, "acceptances[" + i + "].threat", threat, ids);
      Integer first = accepted.putIfAbsent(threat, i);
      if (first != null) {
        problems.add(Problem.at("acceptances[" + i + "].threat", "a second acceptance of '" + threat + "' (the first is acceptances[" + first + "]); keep one"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static void unknownThreat(List<Problem> problems, String path, String id, Set<String> ids) {
    if (!ids.contains(id)) {
      Problem p = Problem.at(path, "no threat '" + id + "' in this analysis (the rule no longer fires, or the ID is misspelt; `vigie analyze --format json` lists the IDs)");
      problems.add(Suggestions.closest(id, ids).map(p::withSuggestion).orElse(p));
    }
  }

  private static Summary summarise(DeviceModel model, List<Threat> threats, List<Risk> risks) {
    Map<RiskLevel, Integer> inherent = new EnumMap<>(RiskLevel.class);
    Map<RiskLevel, Integer> residual = new EnumMap<>(RiskLevel.class);
    for (RiskLevel l : RiskLevel.values()) {
      inherent.put(l, 0);
      residual.put(l, 0);
    }
    int unacceptable = 0;
    for (Risk r : risks) {
      inherent.merge(r.level(), 1, Integer::sum);
      residual.merge(r.residualLevel(), 1, Integer::sum);
      if (!r.acceptable()) {
        unacceptable++;
      }
    }
    return new Summary(model.components().size(), model.flows().size(), model.zones().size(),
        model.assets().size(), model.controls().size(), threats.size(), inherent, residual, unacceptable);
  }
}
