package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Need;
import io.vigie.core.model.Stride;
import io.vigie.core.threat.Complexity;
import io.vigie.core.threat.Finding;
import io.vigie.core.threat.RuleInfo;
import io.vigie.core.threat.RuleScope;
import io.vigie.core.threat.ThreatRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A database, file store or queue read directly, around the application that guards it: an
 * exposed database port, a public storage bucket, a stolen backup. The most common source of
 * large health-data breaches in public breach reports; FDA Appendix 1 categories B and E.
 */
final class DataStoreDirectAccess implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "data-store-direct-access",
      "Confidential data read directly from its store",
      Stride.INFORMATION_DISCLOSURE,
      Optional.empty(),
      List.of(284, 552, 200),
      List.of(1, 180),
      "A data store holds confidential data for many users; an attacker who reaches the store itself "
          + "(misconfigured access, exposed port, leaked service account, copied backup) reads all of "
          + "it at once, bypassing the application's checks (FDA premarket guidance, Appendix 1 B and E).",
      "databases, file storage and message queues that store data needing confidentiality",
      List.of(ControlCategory.AUTHORIZATION, ControlCategory.CONFIDENTIALITY),
      List.of(Capability.ACCESS_CONTROL, Capability.LEAST_PRIVILEGE, Capability.HARDENING),
      false,
      Complexity.LOW,
      "Fires on stores holding only low-sensitivity data if their assets' confidentiality need is "
          + "set to medium or high; correct the asset.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      if (!c.kind().storesData()) {
        continue;
      }
      List<String> confidential = RuleSupport.matching(model, c.stores(), a -> a.confidentiality().atLeast(Need.MEDIUM));
      if (!confidential.isEmpty()) {
        out.add(Finding.of(RuleSupport.name(c) + " in zone '" + c.zone() + "' stores confidential data ("
            + RuleSupport.list(confidential) + ") that is exposed if the store itself is reached.", c.id()));
      }
    }
    return out;
  }
}
