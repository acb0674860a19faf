package io.vigie.core.change;

import java.util.List;
import java.util.Objects;

/**
 * The security re-analysis of one modification: what changed, what it touches, and the gate.
 *
 * @param unmappedFiles changed files that map to no component of the model
 * @param outsideFiles changed files outside the model's folder, not part of this device
 * @param impacted the elements touched, direct ones first, each with its threats, risks, controls and tests
 * @param securityRelevant false when nothing of the model, its code or its SBOMs changed
 * @param verdict one paragraph that says what the change does to the device, or why it does nothing
 */
public record ChangeImpact(
    String base,
    String head,
    List<ElementChange> modelChanges,
    List<MappedFile> files,
    List<String> unmappedFiles,
    List<String> outsideFiles,
    List<PackageChange> packages,
    List<ThreatChange> threats,
    List<RiskChange> risks,
    List<ImpactedElement> impacted,
    boolean securityRelevant,
    String verdict,
    boolean gatePassed,
    List<String> gateReasons) {

  public ChangeImpact {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    modelChanges = List.copyOf(modelChanges);
    files = List.copyOf(files);
    unmappedFiles = List.copyOf(unmappedFiles);
    outsideFiles = List.copyOf(outsideFiles);
    packages = List.copyOf(packages);
    threats = List.copyOf(threats);
    risks = List.copyOf(risks);
    impacted = List.copyOf(impacted);
    Objects.requireNonNull(verdict, "verdict");
    gateReasons = List.copyOf(gateReasons);
  }

  public boolean patientSafety() {
    return impacted.stream().anyMatch(ImpactedElement::patientSafety);
  }

  public boolean dataIntegrity() {
    return impacted.stream().anyMatch(ImpactedElement::dataIntegrity);
  }
}
