package io.vigie.core.analysis;

import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.ModelValidator;
import io.vigie.core.risk.Risk;
import io.vigie.core.risk.RiskAssessor;
import io.vigie.core.risk.RiskLevel;
import io.vigie.core.risk.RiskPolicy;
import io.vigie.core.threat.Threat;
import io.vigie.core.threat.ThreatEngine;
import io.vigie.core.threat.ThreatRule;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.validation.Suggestions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    this.engine = new ThreatEngine(rules);
    this.assessor = new RiskAssessor(policy);
  }

  /**
   * @throws InvalidInputException listing every structural problem of the model, or every override
   *     or acceptance that names a threat the analysis does not find
   */
  public Analysis analyze(DeviceModel model) {
    List<Problem> problems = ModelValidator.validate(model);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    ModelIndex index = ModelIndex.of(model);
    List<Threat> threats = engine.threats(index);
    checkThreatReferences(model, threats);
    List<Risk> risks = assessor.assess(index, threats);
    return new Analysis(model.device(), summarise(model, threats, risks), threats, risks);
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
