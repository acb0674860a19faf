package io.vigie.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only lookups over a validated {@link DeviceModel}: elements by ID, flows by endpoint,
 * controls by protected element, and the derived facts every rule needs (trust boundaries,
 * reachability, capabilities in force). Built once per analysis in O(elements + flows + controls);
 * every lookup is then O(1) or proportional to its answer, which keeps rules linear on models of
 * thousands of flows. Immutable and safe to share between threads.
 */
public final class ModelIndex {
  private final DeviceModel model;
  private final Map<String, Component> components = new HashMap<>();
  private final Map<String, TrustZone> zones = new HashMap<>();
  private final Map<String, DataAsset> assets = new HashMap<>();
  private final Map<String, DataFlow> flows = new HashMap<>();
  private final Map<String, Element> elements = new HashMap<>();
  private final Map<String, List<DataFlow>> outgoing = new HashMap<>();
  private final Map<String, List<DataFlow>> incoming = new HashMap<>();
  private final Map<String, List<SecurityControl>> controlsByElement = new HashMap<>();
  private final Map<String, List<Hazard>> hazardsByElement = new HashMap<>();
  private final Map<String, Reachability> reachability = new HashMap<>();
  private final Map<String, Reachability> assetReachability = new HashMap<>();
  private final Map<String, Transport> transports = new HashMap<>();
  private final Map<String, Reachability> flowReachability = new HashMap<>();

  private ModelIndex(DeviceModel model) {
    this.model = model;
    model.zones().forEach(z -> put(zones, z));
    model.assets().forEach(a -> put(assets, a));
    model.components().forEach(c -> put(components, c));
    model.flows().forEach(f -> put(flows, f));
    model.actors().forEach(a -> elements.putIfAbsent(a.id(), a));
    model.controls().forEach(c -> elements.putIfAbsent(c.id(), c));
    model.hazards().forEach(h -> elements.putIfAbsent(h.id(), h));
    for (DataFlow f : model.flows()) {
      outgoing.computeIfAbsent(f.from(), k -> new ArrayList<>()).add(f);
      incoming.computeIfAbsent(f.to(), k -> new ArrayList<>()).add(f);
      // Classifying a protocol name is string work; rules ask for it many times per flow.
      transports.putIfAbsent(f.id(), Transport.of(f.protocol()));
    }
    for (DataFlow f : model.flows()) {
      if (components.containsKey(f.from()) && components.containsKey(f.to())) {
        flowReachability.putIfAbsent(f.id(), computeReachability(f));
      }
    }
    for (SecurityControl c : model.controls()) {
      for (String id : c.protects()) {
        controlsByElement.computeIfAbsent(id, k -> new ArrayList<>()).add(c);
      }
    }
    for (Hazard h : model.hazards()) {
      for (String id : h.elements()) {
        hazardsByElement.computeIfAbsent(id, k -> new ArrayList<>()).add(h);
      }
    }
    Map<String, Hazard> hazardsById = new HashMap<>();
    model.hazards().forEach(h -> hazardsById.putIfAbsent(h.id(), h));
    for (Component c : model.components()) {
      for (String h : c.hazards()) {
        Hazard z = hazardsById.get(h);
        if (z != null) {
          addOnce(hazardsByElement.computeIfAbsent(c.id(), k -> new ArrayList<>()), z);
        }
      }
    }
    for (Component c : model.components()) {
      Reachability r = computeReachability(c);
      reachability.put(c.id(), r);
      for (String a : c.handles()) {
        assetReachability.merge(a, r, Reachability::easiest);
      }
    }
  }

  /** Indexes a model; call after {@link ModelValidator} found no problem. */
  public static ModelIndex of(DeviceModel model) {
    return new ModelIndex(model);
  }

  private <T extends Element> void put(Map<String, T> map, T element) {
    map.putIfAbsent(element.id(), element);
    elements.putIfAbsent(element.id(), element);
  }

  private static <T> void addOnce(List<T> list, T value) {
    if (!list.contains(value)) {
      list.add(value);
    }
  }

  public DeviceModel model() {
    return model;
  }

  public Optional<Element> element(String id) {
    return Optional.ofNullable(elements.get(id));
  }

  public Component component(String id) {
    return require(components, id, "component");
  }

  public TrustZone zone(String id) {
    return require(zones, id, "trust zone");
  }

  public Optional<DataAsset> asset(String id) {
    return Optional.ofNullable(assets.get(id));
  }

  public Optional<DataFlow> flow(String id) {
    return Optional.ofNullable(flows.get(id));
  }

  private static <T> T require(Map<String, T> map, String id, String kind) {
    T value = map.get(id);
    if (value == null) {
      throw new IllegalArgumentException("no " + kind + " '" + id + "' (validate the model first)");
    }
    return value;
  }

  public TrustZone zoneOf(Component component) {
    return zone(component.zone());
  }

  public List<DataFlow> flowsFrom(String componentId) {
    return Collections.unmodifiableList(outgoing.getOrDefault(componentId, List.of()));
  }

  public List<DataFlow> flowsTo(String componentId) {
    return Collections.unmodifiableList(incoming.getOrDefault(componentId, List.of()));
  }

  /** The assets of a list of IDs that exist, in order. */
  public List<DataAsset> assets(List<String> ids) {
    List<DataAsset> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      DataAsset a = assets.get(id);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  public boolean carriesAny(DataFlow flow, Set<DataCategory> categories) {
    return assets(flow.assets()).stream().anyMatch(a -> categories.contains(a.category()));
  }

  public boolean handlesAny(Component component, Set<DataCategory> categories) {
    return assets(component.handles()).stream().anyMatch(a -> categories.contains(a.category()));
  }

  public boolean storesAny(Component component, Set<DataCategory> categories) {
    return assets(component.stores()).stream().anyMatch(a -> categories.contains(a.category()));
  }

  /** Whether the flow crosses a trust boundary (its two ends are in different zones). */
  public boolean crossesBoundary(DataFlow flow) {
    return !component(flow.from()).zone().equals(component(flow.to()).zone());
  }

  /**
   * From where an attacker can reach the flow itself (to listen to it or forge it): radio links
   * from radio range, local buses from physical access, IP flows inside one zone from that zone's
   * position, and IP flows between zones from the internet unless both ends are on the same
   * hospital network or inside the device (an IP link between two sites goes over the internet).
   */
  public Reachability reachability(DataFlow flow) {
    Reachability r = flowReachability.get(flow.id());
    return r != null ? r : computeReachability(flow);
  }

  /** How the flow's protocol travels (IP, radio, local bus, in-process). */
  public Transport transport(DataFlow flow) {
    Transport t = transports.get(flow.id());
    return t != null ? t : Transport.of(flow.protocol());
  }

  private Reachability computeReachability(DataFlow flow) {
    TrustZone fromZone = zoneOf(component(flow.from()));
    TrustZone toZone = zoneOf(component(flow.to()));
    switch (transport(flow)) {
      case RADIO:
        return Reachability.ADJACENT;
      case WIRED_LOCAL:
        return Reachability.PHYSICAL;
      case IN_PROCESS:
        return Reachability.LOCAL;
      default:
        break;
    }
    if (fromZone.id().equals(toZone.id())) {
      return fromZone.trust().attackerPosition();
    }
    boolean local = isSiteLocal(fromZone.trust()) && isSiteLocal(toZone.trust());
    return local ? Reachability.ADJACENT : Reachability.INTERNET;
  }

  private static boolean isSiteLocal(TrustLevel level) {
    return level == TrustLevel.HOSPITAL_NETWORK || level == TrustLevel.DEVICE_INTERNAL;
  }

  /**
   * From where an attacker can reach the component: its declared {@code exposure} if any, else the
   * easiest of its zone's position and the positions of the flows that reach it.
   */
  public Reachability reachability(Component component) {
    return reachability.get(component.id());
  }

  /** The easiest reachability of the components that handle the asset; physical if none does. */
  public Reachability reachability(DataAsset asset) {
    return assetReachability.getOrDefault(asset.id(), Reachability.PHYSICAL);
  }

  private Reachability computeReachability(Component component) {
    if (component.exposure().isPresent()) {
      return component.exposure().get();
    }
    Reachability easiest = zone(component.zone()).trust().attackerPosition();
    for (DataFlow f : incoming.getOrDefault(component.id(), List.of())) {
      easiest = Reachability.easiest(easiest, computeReachability(f));
    }
    return easiest;
  }

  /** Controls that protect the element directly, or through its zone for a component. */
  public List<SecurityControl> controlsProtecting(String elementId) {
    List<SecurityControl> direct = controlsByElement.getOrDefault(elementId, List.of());
    Component c = components.get(elementId);
    if (c == null) {
      return Collections.unmodifiableList(direct);
    }
    List<SecurityControl> viaZone = controlsByElement.getOrDefault(c.zone(), List.of());
    if (viaZone.isEmpty()) {
      return Collections.unmodifiableList(direct);
    }
    List<SecurityControl> all = new ArrayList<>(direct);
    viaZone.forEach(z -> addOnce(all, z));
    return all;
  }

  /**
   * Capabilities in force on an element through its own attributes rather than through a declared
   * control: a flow's encryption, integrity, authentication and authorisation; a component's unique
   * credentials, its zone's health-data-hosting certification, its declared backups
   * ({@code redundantWith}). Only implemented protections count.
   */
  public Set<Capability> intrinsicCapabilities(String elementId) {
    EnumSet<Capability> out = EnumSet.noneOf(Capability.class);
    DataFlow f = flows.get(elementId);
    if (f != null) {
      if (f.encryption().isPresent()) {
        out.add(Capability.ENCRYPTION_IN_TRANSIT);
      }
      if (f.integrity().isPresent()) {
        out.add(Capability.MESSAGE_INTEGRITY);
      }
      if (f.integrity() == Integrity.SIGNATURE) {
        out.add(Capability.SIGNATURE_VERIFICATION);
      }
      if (f.authentication().isPresent()) {
        out.add(Capability.AUTHENTICATION);
      }
      if (f.authentication() == Authentication.MULTI_FACTOR) {
        out.add(Capability.MULTI_FACTOR_AUTHENTICATION);
      }
      if (f.authorization().isPresent()) {
        out.add(Capability.ACCESS_CONTROL);
      }
    }
    Component c = components.get(elementId);
    if (c != null) {
      if (c.credentials() == Credentials.UNIQUE) {
        out.add(Capability.UNIQUE_CREDENTIALS);
      }
      if (zone(c.zone()).certifiedHealthDataHost()) {
        out.add(Capability.CERTIFIED_HOSTING);
      }
      if (!c.redundantWith().isEmpty()) {
        out.add(Capability.REDUNDANCY);
      }
    }
    return out;
  }

  /** Implemented controls over any of the elements that provide the capability. */
  public List<SecurityControl> implementedControls(List<String> elementIds, Capability capability) {
    Map<String, SecurityControl> found = new LinkedHashMap<>();
    for (String id : elementIds) {
      for (SecurityControl c : controlsProtecting(id)) {
        if (c.isImplemented() && c.provides().contains(capability)) {
          found.putIfAbsent(c.id(), c);
        }
      }
    }
    return List.copyOf(found.values());
  }

  /** Whether any of the elements has the capability, intrinsically or by an implemented control. */
  public boolean hasCapability(List<String> elementIds, Capability capability) {
    for (String id : elementIds) {
      if (intrinsicCapabilities(id).contains(capability)) {
        return true;
      }
    }
    return !implementedControls(elementIds, capability).isEmpty();
  }

  /** Safety risks of the ISO 14971 file that are declared on the element. */
  public List<Hazard> hazardsOf(String elementId) {
    return Collections.unmodifiableList(hazardsByElement.getOrDefault(elementId, List.of()));
  }
}
