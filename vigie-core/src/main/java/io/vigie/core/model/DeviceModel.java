package io.vigie.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The whole model of a device as the maker wrote it: immutable, in the order of the file.
 * Structural checks (unknown references, duplicate IDs) are made by {@link ModelValidator};
 * lookups by ID go through {@link ModelIndex}.
 */
public record DeviceModel(
    Device device,
    List<Actor> actors,
    List<TrustZone> zones,
    List<DataAsset> assets,
    List<Component> components,
    List<DataFlow> flows,
    List<SecurityControl> controls,
    List<Hazard> hazards,
    List<ManualThreat> threats,
    List<RiskOverride> overrides,
    List<RiskAcceptance> acceptances) {

  public DeviceModel {
    Objects.requireNonNull(device, "device");
    actors = List.copyOf(actors);
    zones = List.copyOf(zones);
    assets = List.copyOf(assets);
    components = List.copyOf(components);
    flows = List.copyOf(flows);
    controls = List.copyOf(controls);
    hazards = List.copyOf(hazards);
    threats = List.copyOf(threats);
    overrides = List.copyOf(overrides);
    acceptances = List.copyOf(acceptances);
  }
}
