package io.vigie.core.threat;

import io.vigie.core.model.Capability;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.Linddun;
import io.vigie.core.model.Stride;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A threat found in the model, derived by a rule or declared by hand ({@code rule} is then
 * {@value #MANUAL}). Its ID is {@code rule@element+element…} for derived threats, so it is the same
 * on every run and for every ordering of the model, and the maker's own ID for manual ones.
 */
public record Threat(
    String id,
    String rule,
    String title,
    Stride category,
    Optional<Linddun> privacy,
    List<String> elements,
    String description,
    List<Integer> cwe,
    List<Integer> capec,
    List<ControlCategory> recommendedControls,
    List<Capability> mitigations,
    boolean requiresAuthentication,
    Complexity complexity) {

  public static final String MANUAL = "manual";

  public Threat {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(privacy, "privacy");
    elements = List.copyOf(elements);
    Objects.requireNonNull(description, "description");
    cwe = List.copyOf(cwe);
    capec = List.copyOf(capec);
    recommendedControls = List.copyOf(recommendedControls);
    mitigations = List.copyOf(mitigations);
    Objects.requireNonNull(complexity, "complexity");
  }

  /** The stable ID of the threat a rule derives for a finding. */
  public static String idOf(String ruleId, List<String> elements) {
    return ruleId + "@" + String.join("+", elements);
  }

  public static Threat derived(RuleInfo rule, Finding finding) {
    return new Threat(
        idOf(rule.id(), finding.elements()),
        rule.id(),
        rule.title(),
        rule.category(),
        rule.privacy(),
        finding.elements(),
        finding.description(),
        rule.cwe(),
        rule.capec(),
        rule.recommendedControls(),
        rule.mitigations(),
        rule.requiresAuthentication(),
        rule.complexity());
  }

  public boolean isManual() {
    return MANUAL.equals(rule);
  }
}
