package io.vigie.core.analysis;

import io.vigie.core.model.Device;
import io.vigie.core.risk.Risk;
import io.vigie.core.threat.Threat;
import java.util.List;
import java.util.Objects;

/**
 * Everything one analysis of a model derived: its threats (sorted by ID) and one risk per threat in
 * the same order. Contains no time stamp or path, so the same model always gives the same analysis.
 */
public record Analysis(Device device, Summary summary, List<Threat> threats, List<Risk> risks) {
  public Analysis {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(summary, "summary");
    threats = List.copyOf(threats);
    risks = List.copyOf(risks);
    if (threats.size() != risks.size()) {
      throw new IllegalArgumentException("one risk per threat");
    }
  }
}
