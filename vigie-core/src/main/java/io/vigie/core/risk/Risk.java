package io.vigie.core.risk;

import io.vigie.core.model.Exploitability;
import io.vigie.core.model.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The security risk of one threat, before and after the controls in force.
 *
 * @param id {@code risk:} followed by the threat ID, so one threat has one risk, stable across runs
 * @param controls IDs of the implemented controls that lowered it (intrinsic protections of a flow,
 *     such as its TLS, are named in {@code explanation} instead)
 * @param missingMitigations capabilities the rule names that nothing provides: what to add
 * @param safetyRisks hazards of the ISO 14971 file this risk can lead to
 * @param explanation why the risk has its levels, one sentence per factor
 */
public record Risk(
    String id,
    String threat,
    Exploitability exploitability,
    Severity severity,
    RiskLevel level,
    Exploitability residualExploitability,
    RiskLevel residualLevel,
    boolean acceptable,
    boolean accepted,
    boolean overridden,
    List<String> controls,
    List<String> missingMitigations,
    List<String> safetyRisks,
    List<String> explanation) {

  public Risk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(threat, "threat");
    Objects.requireNonNull(exploitability, "exploitability");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(residualExploitability, "residualExploitability");
    Objects.requireNonNull(residualLevel, "residualLevel");
    controls = List.copyOf(controls);
    missingMitigations = List.copyOf(missingMitigations);
    safetyRisks = List.copyOf(safetyRisks);
    explanation = List.copyOf(explanation);
  }

  public static String idOf(String threatId) {
    return "risk:" + threatId;
  }
}
