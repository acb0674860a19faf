package io.vigie.core.threat;

import io.vigie.core.model.Capability;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.Linddun;
import io.vigie.core.model.Stride;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a threat rule is about, independent of any model: the metadata reviewers read in the rule
 * list and the report.
 *
 * @param id stable identifier, lower-kebab-case; part of every threat ID the rule derives
 * @param appliesTo the kind of element the rule looks at, in words ("data flows carrying health data")
 * @param mitigations capabilities that lower the risk when an implemented control (or the element's
 *     own protection, such as a flow's TLS) provides them on the threat's elements
 * @param requiresAuthentication whether the attacker needs a valid account first, which lowers
 *     exploitability by one level
 * @param falsePositives when the rule fires though there is no real threat, and what to do then
 */
public record RuleInfo(
    String id,
    String title,
    Stride category,
    Optional<Linddun> privacy,
    List<Integer> cwe,
    List<Integer> capec,
    String rationale,
    String appliesTo,
    List<ControlCategory> recommendedControls,
    List<Capability> mitigations,
    boolean requiresAuthentication,
    Complexity complexity,
    String falsePositives) {

  public RuleInfo {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("rule IDs are lower-kebab-case: " + id);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(privacy, "privacy");
    cwe = List.copyOf(cwe);
    capec = List.copyOf(capec);
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(appliesTo, "appliesTo");
    recommendedControls = List.copyOf(recommendedControls);
    mitigations = List.copyOf(mitigations);
    Objects.requireNonNull(complexity, "complexity");
    Objects.requireNonNull(falsePositives, "falsePositives");
  }
}
