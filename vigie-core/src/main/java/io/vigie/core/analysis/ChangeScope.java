package io.vigie.core.analysis;

import io.vigie.core.model.Actor;
import io.vigie.core.model.Component;
import io.vigie.core.model.DataAsset;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Hazard;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.RiskAcceptance;
import io.vigie.core.model.RiskOverride;
import io.vigie.core.model.SecurityControl;
import io.vigie.core.threat.Threat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The part of a model a difference between two of its versions can reach: where threats must be
 * derived again and which risks assessed again, so that {@link Analyzer#analyzeFrom} gives exactly
 * the analysis a whole run gives while repeating only that part.
 *
 * <h2>What the analysis reads (why the scope is exact)</h2>
 *
 * <p>A <em>difference</em> is an element (component, flow, zone, asset, control, hazard, actor)
 * added, removed, or whose record is not {@code equals} in the two versions (list order counts as
 * a difference, which is conservative), a risk override or acceptance whose threat ID's entry
 * differs, or a manual threat (those are always assessed again). A device-level difference is
 * global: no scope, a whole analysis. Nothing else of the model is read: the rules, the risk
 * policy and the matrix are the analyzer's own and the same on both sides.
 *
 * <p><b>Rules</b> ({@code io.vigie.core.threat.rules}, 33 of them) each iterate one kind of place
 * and make each finding at one place, naming it among the finding's elements. Read rule by rule,
 * a finding at a place reads only this neighbourhood of it:
 * <ul>
 *   <li><b>a flow</b> (alert loss, clinical tampering in transit, disclosure in transit, health
 *       data in notifications, radio pairing, sensor replay, spoofing and tampering across a trust
 *       boundary, third-party identifiability, unauthenticated therapy command, unsigned update,
 *       untrusted clinical input, wrong patient): the flow's own fields (kind, protocol and its
 *       transport, protections), its assets, its two end components (kind, clinical function,
 *       stores, name, zone) and their zones (trust);
 *   <li><b>a component</b> (clinical single point of failure, data store direct access, debug
 *       port, default/hard-coded credentials, retention, extractable secret, fleet-wide
 *       compromise, health data at rest, injection, internet credential guessing, internet
 *       denial of service, privilege escalation, repudiable change, unattended session,
 *       uncertified hosting, unmonitored service, unpatched software, untraced access): its own
 *       fields, its zone, the assets it stores or processes, the flows into and out of it with
 *       their fields and assets, the components at their other ends and those ends' zones
 *       (transport, boundary crossing, targets of commands) — which is also everything its
 *       reachability reads (its exposure, its zone, each incoming flow's transport and the two
 *       zones it joins) — and the administrator and support actors that use it;
 *   <li><b>an asset</b> (processing without consent): the asset's fields and the set of components
 *       that handle it.
 * </ul>
 *
 * <p><b>Risks</b> ({@code io.vigie.core.risk.RiskAssessor}) of a threat read the threat itself
 * (the same ID gives the same rule, hence the same category, mitigations, authentication and
 * complexity), its override and acceptance, and for each element of the threat:
 * <ul>
 *   <li>a flow: entry reachability (transport, the two ends' zones), the receiving component's
 *       harm severity and clinical function, both ends' kinds (bulk data between server-side
 *       components), the flow's assets, the controls protecting the flow, the flow's intrinsic
 *       protections, and the hazards declared on the flow and on the receiving component;
 *   <li>a component: its reachability (see above), harm severity, clinical function, kind, stored
 *       and processed assets, credentials and redundancy, its zone's health-data-hosting
 *       certification, the controls protecting it or its zone, and its hazards;
 *   <li>an asset: its needs, the controls protecting it and its hazards; and, when it is the
 *       threat's first element (its entry), its reachability: the easiest of the reachability of
 *       every component that handles it.
 * </ul>
 *
 * <p>So a place whose neighbourhood holds no difference (looked at in both versions, so that a
 * flow added or removed at a component is seen) gives the same findings in both, and a threat
 * none of whose elements is such a place, whose entry asset's handlers are all untouched, and
 * whose override and acceptance are unchanged has the same risk in both. The neighbourhoods are
 * read one step from the place, never transitively: a component's reachability depends on its
 * incoming flows' zones, not on the reachability of the components those flows come from.
 *
 * <p>The scope is computed in both models and merged, in O(elements + flows) look-ups.
 */
final class ChangeScope {
  private final Set<String> places;
  private final Set<String> entryAssets;
  private final Set<String> threats;

  private ChangeScope(Set<String> places, Set<String> entryAssets, Set<String> threats) {
    this.places = places;
    this.entryAssets = entryAssets;
    this.threats = threats;
  }

  /** The components, flows and assets whose rules must run again and whose threats' risks change. */
  Set<String> places() {
    return places;
  }

  /** Whether a threat's risk may differ between the two versions (it must then be assessed again). */
  boolean reaches(Threat t) {
    if (threats.contains(t.id()) || entryAssets.contains(t.elements().get(0))) {
      return true;
    }
    for (String e : t.elements()) {
      if (places.contains(e)) {
        return true;
      }
    }
    return false;
  }

  /** The scope of the differences between two versions; empty when one of them is global. */
  static Optional<ChangeScope> between(ModelIndex a, ModelIndex b) {
    DeviceModel x = a.model();
    DeviceModel y = b.model();
    if (!x.device().equals(y.device())) {
      return Optional.empty();
    }
    Set<String> components = differing(x.components(), y.components(), Component::id);
    Set<String> flows = differing(x.flows(), y.flows(), DataFlow::id);
    Set<String> zones = differing(x.zones(), y.zones(), z -> z.id());
    Set<String> assets = differing(x.assets(), y.assets(), DataAsset::id);

    // Controls and hazards are read through the elements they name: a changed one marks those
    // elements (in both versions); a component also sees the controls of its zone.
    Set<String> controlled = new HashSet<>();
    for (SecurityControl c : changed(x.controls(), y.controls(), SecurityControl::id)) {
      controlled.addAll(c.protects());
    }
    Set<String> hazarded = new HashSet<>();
    Set<String> hazardIds = new HashSet<>();
    for (Hazard h : changed(x.hazards(), y.hazards(), Hazard::id)) {
      hazarded.addAll(h.elements());
      hazardIds.add(h.id());
    }
    for (DeviceModel m : List.of(x, y)) {
      for (Component c : m.components()) {
        if (c.hazards().stream().anyMatch(hazardIds::contains)) {
          hazarded.add(c.id());
        }
      }
    }
    // Privilege escalation reads which administrators use a component (and the first one's name):
    // any difference in the actors marks every component any actor uses.
    Set<String> used = new HashSet<>();
    if (!x.actors().equals(y.actors())) {
      for (DeviceModel m : List.of(x, y)) {
        for (Actor actor : m.actors()) {
          used.addAll(actor.uses());
        }
      }
    }

    Diff d = new Diff(components, flows, zones, assets, controlled, hazarded, used);
    Set<String> places = new HashSet<>();
    Set<String> entryAssets = new HashSet<>();
    for (ModelIndex m : List.of(a, b)) {
      Map<String, List<Component>> handlers = new HashMap<>();
      // Each component is looked at once: an asset's handlers (hundreds in a fleet) are found here.
      Set<Component> reached = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (Component c : m.model().components()) {
        c.handles().forEach(id -> handlers.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(c));
        if (d.componentReached(m, c)) {
          places.add(c.id());
          reached.add(c);
        }
      }
      for (DataFlow f : m.model().flows()) {
        if (d.flowReached(m, f)) {
          places.add(f.id());
        }
      }
      for (DataAsset asset : m.model().assets()) {
        List<Component> by = handlers.getOrDefault(asset.id(), List.of());
        boolean own = assets.contains(asset.id()) || controlled.contains(asset.id()) || hazarded.contains(asset.id());
        if (own || by.stream().anyMatch(c -> components.contains(c.id()))) {
          places.add(asset.id());
        }
        // As an entry, the asset is as reachable as the easiest of its handlers.
        if (own || by.stream().anyMatch(reached::contains)) {
          entryAssets.add(asset.id());
        }
      }
    }

    Set<String> threats = new HashSet<>();
    threats.addAll(differingKeys(x.overrides(), y.overrides(), RiskOverride::threat));
    threats.addAll(differingKeys(x.acceptances(), y.acceptances(), RiskAcceptance::threat));
    return Optional.of(new ChangeScope(places, entryAssets, threats));
  }

  /** The differences, by kind, and the elements marked by changed controls, hazards and actors. */
  private record Diff(Set<String> components, Set<String> flows, Set<String> zones, Set<String> assets,
      Set<String> controlled, Set<String> hazarded, Set<String> used) {

    boolean componentReached(ModelIndex m, Component c) {
      if (components.contains(c.id()) || zones.contains(c.zone()) || controlled.contains(c.id())
          || controlled.contains(c.zone()) || hazarded.contains(c.id()) || used.contains(c.id())
          || anyAsset(c.stores()) || anyAsset(c.processes())) {
        return true;
      }
      for (DataFlow f : m.flowsTo(c.id())) {
        if (flowSeen(m, f, f.from())) {
          return true;
        }
      }
      for (DataFlow f : m.flowsFrom(c.id())) {
        if (flowSeen(m, f, f.to())) {
          return true;
        }
      }
      return false;
    }

    /** A flow at a component, as the component's rules see it: the flow and its other end. */
    private boolean flowSeen(ModelIndex m, DataFlow f, String otherEnd) {
      return flows.contains(f.id()) || anyAsset(f.assets()) || endChanged(m, otherEnd);
    }

    boolean flowReached(ModelIndex m, DataFlow f) {
      return flows.contains(f.id()) || controlled.contains(f.id()) || hazarded.contains(f.id())
          || hazarded.contains(f.to()) || anyAsset(f.assets()) || endChanged(m, f.from()) || endChanged(m, f.to());
    }

    private boolean endChanged(ModelIndex m, String componentId) {
      return components.contains(componentId) || zones.contains(m.component(componentId).zone());
    }

    private boolean anyAsset(List<String> ids) {
      for (String id : ids) {
        if (assets.contains(id)) {
          return true;
        }
      }
      return false;
    }
  }

  /** IDs present in one list only, or whose records differ. */
  private static <T> Set<String> differing(List<T> x, List<T> y, Function<T, String> id) {
    Set<String> out = new HashSet<>();
    changed(x, y, id).forEach(t -> out.add(id.apply(t)));
    return out;
  }

  /** The records, of both versions, whose ID is in one list only or whose other version differs. */
  private static <T> List<T> changed(List<T> x, List<T> y, Function<T, String> id) {
    Map<String, T> before = byId(x, id);
    Map<String, T> after = byId(y, id);
    List<T> out = new java.util.ArrayList<>();
    before.forEach((k, v) -> {
      T w = after.get(k);
      if (!v.equals(w)) {
        out.add(v);
        if (w != null) {
          out.add(w);
        }
      }
    });
    after.forEach((k, w) -> {
      if (!before.containsKey(k)) {
        out.add(w);
      }
    });
    return out;
  }

  /** Keys whose first entry differs between the lists (the assessor keeps the first of each key). */
  private static <T> Set<String> differingKeys(List<T> x, List<T> y, Function<T, String> key) {
    Map<String, T> before = byId(x, key);
    Map<String, T> after = byId(y, key);
    Set<String> out = new HashSet<>();
    before.forEach((k, v) -> {
      if (!Objects.equals(v, after.get(k))) {
        out.add(k);
      }
    });
    after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(out::add);
    return out;
  }

  /** By ID, the first of each (the validator rejects duplicates; the index keeps the first). */
  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> out = new HashMap<>(items.size() * 2);
    for (T t : items) {
      out.putIfAbsent(id.apply(t), t);
    }
    return out;
  }
}
