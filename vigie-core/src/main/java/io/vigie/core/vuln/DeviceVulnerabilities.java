package io.vigie.core.vuln;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The vulnerability section of {@code vigie analyze}: one scan per model component that names its
 * SBOM, or the reason nothing was checked. Never an empty list standing for "no vulnerabilities"
 * when no database was consulted: {@link #notCheckedReason()} then says why and how to enable it.
 *
 * @param notCheckedReason present when no scan was run (no database, an empty one, or disabled)
 * @param scans one per component with an SBOM, in component ID order; empty when not checked
 * @param componentsWithoutSbom the IDs of model components that name no SBOM (a gap, not a pass)
 */
public record DeviceVulnerabilities(
    Optional<String> notCheckedReason, List<ComponentScan> scans, List<String> componentsWithoutSbom) {

  /** The scan of one model component's SBOM, with the component's ID and name. */
  public record ComponentScan(String componentId, String componentName, VulnerabilityScan scan) {
    public ComponentScan {
      Objects.requireNonNull(componentId, "componentId");
      Objects.requireNonNull(componentName, "componentName");
      Objects.requireNonNull(scan, "scan");
    }
  }

  public DeviceVulnerabilities {
    Objects.requireNonNull(notCheckedReason, "notCheckedReason");
    scans = List.copyOf(scans);
    componentsWithoutSbom = List.copyOf(componentsWithoutSbom);
    if (notCheckedReason.isPresent() && !scans.isEmpty()) {
      throw new IllegalArgumentException("a section that was not checked holds no scans");
    }
  }

  public static DeviceVulnerabilities notChecked(String reason, List<String> componentsWithoutSbom) {
    return new DeviceVulnerabilities(Optional.of(reason), List.of(), componentsWithoutSbom);
  }

  public static DeviceVulnerabilities checked(List<ComponentScan> scans, List<String> componentsWithoutSbom) {
    return new DeviceVulnerabilities(Optional.empty(), scans, componentsWithoutSbom);
  }

  public boolean checked() {
    return notCheckedReason.isEmpty();
  }

  /** The vulnerability gate's reasons over every component, each prefixed with the component's ID. */
  public List<String> gateReasons() {
    List<String> out = new ArrayList<>();
    for (ComponentScan s : scans) {
      s.scan().gateReasons().forEach(r -> out.add(s.componentId() + ": " + r));
    }
    return List.copyOf(out);
  }

  public int findings() {
    return scans.stream().mapToInt(s -> s.scan().findings().size()).sum();
  }
}
