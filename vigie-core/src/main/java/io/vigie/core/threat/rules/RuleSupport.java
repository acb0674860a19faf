package io.vigie.core.threat.rules;

import io.vigie.core.model.Authentication;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataAsset;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Names;
import io.vigie.core.model.Reachability;
import io.vigie.core.model.Transport;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Facts several rules test and the words their findings use for them, kept in one place so that
 * two rules never disagree on what "internet-facing" or "not encrypted" means. Every method is
 * O(1) or linear in the element it is given.
 */
final class RuleSupport {
  private RuleSupport() {}

  static final Set<DataCategory> HEALTH = EnumSet.of(DataCategory.HEALTH);
  static final Set<DataCategory> PERSONAL = EnumSet.of(DataCategory.HEALTH, DataCategory.PERSONAL);
  static final Set<DataCategory> CLINICAL = EnumSet.of(DataCategory.HEALTH, DataCategory.THERAPY);

  /** Whether the flow leaves the process, so that someone other than its ends can reach it. */
  static boolean isNetworked(ModelIndex model, DataFlow flow) {
    return model.transport(flow) != Transport.IN_PROCESS;
  }

  /** A networked flow between two trust zones. */
  static boolean crossesBoundary(ModelIndex model, DataFlow flow) {
    return isNetworked(model, flow) && model.crossesBoundary(flow);
  }

  /**
   * Runs on hardware the maker operates and holds many patients' data or sessions; the same
   * split the risk assessor uses for multi-patient impact.
   */
  static boolean isServerSide(Component c) {
    return c.kind().isServerSide();
  }

  /** Runs on hardware an attacker can buy, borrow or steal: a phone app or a device in the field. */
  static boolean isInAttackersHands(Component c) {
    return c.kind() == ComponentKind.MOBILE_APP || c.kind().runsFirmware();
  }

  static boolean isInternetFacing(ModelIndex model, Component c) {
    return model.reachability(c) == Reachability.INTERNET;
  }

  /** A command, or therapy settings, sent to a component with a clinical function. */
  static boolean isClinicalCommand(ModelIndex model, DataFlow flow) {
    boolean command = flow.kind() == FlowKind.COMMAND || model.carriesAny(flow, EnumSet.of(DataCategory.THERAPY));
    return command && model.component(flow.to()).clinicalFunction().isPresent();
  }

  /** The IDs of the assets of the list that match, in the list's order. */
  static List<String> matching(ModelIndex model, List<String> assetIds, Predicate<DataAsset> test) {
    return model.assets(assetIds).stream().filter(test).map(DataAsset::id).toList();
  }

  static boolean protocolMentions(DataFlow flow, String... words) {
    String p = flow.protocol().toLowerCase(Locale.ROOT);
    for (String w : words) {
      if (p.contains(w)) {
        return true;
      }
    }
    return false;
  }

  static String flowName(DataFlow f) {
    return "Flow '" + f.name() + "' from " + f.from() + " to " + f.to();
  }

  static String name(Component c) {
    return "'" + c.name() + "' (" + Names.of(c.kind()) + ")";
  }

  static String authentication(DataFlow f) {
    if (!f.authentication().isPresent()) {
      return "NOT authenticated";
    }
    String how = "authenticated by " + Names.of(f.authentication());
    return f.authentication().isStrong() ? how : how + ", a weak method";
  }

  static String encryption(DataFlow f) {
    return f.encryption().isPresent()
        ? "encrypted (" + Names.of(f.encryption()) + ", " + f.protocol() + ")"
        : "NOT encrypted (" + f.protocol() + ")";
  }

  static String integrity(DataFlow f) {
    switch (f.integrity()) {
      case NONE: return "NOT integrity-protected";
      case TRANSPORT: return "integrity-protected hop by hop only (" + f.protocol() + ")";
      default: return "integrity-protected end to end (" + Names.of(f.integrity()) + ")";
    }
  }

  /** A flow authenticated by one secret that every copy of the sender holds. */
  static boolean usesFleetSecret(DataFlow f) {
    return f.authentication() == Authentication.SHARED_SECRET || f.authentication() == Authentication.API_KEY;
  }

  /**
   * IDs joined for a finding's sentence, sorted: a description is part of analysis.json, which must
   * not change when the model's lists are reordered.
   */
  static String list(java.util.Collection<String> ids) {
    return String.join(", ", new java.util.TreeSet<>(ids));
  }
}
