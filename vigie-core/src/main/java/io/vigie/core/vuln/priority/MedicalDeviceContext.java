package io.vigie.core.vuln.priority;

import io.vigie.core.model.Reachability;
import io.vigie.core.model.Severity;
import java.util.Objects;

/**
 * What the device model knows about the component a vulnerability affects: the answers Vigie can
 * give to the MITRE rubric's questions and to the FDA postmarket "controlled or uncontrolled"
 * question without asking a person.
 *
 * <p>When the model does not know, use {@link #unknown(String)}: the rubric's rule is that an
 * unknown answer counts as the worst one.
 *
 * @param component the component's name as people know it ("patient API"), used in explanations
 * @param reachability the easiest position from which the model shows the component reachable
 * @param handlesHealthData whether the component stores, processes or transmits health data
 *     (PHI/PII, including diagnosis and monitoring data)
 * @param patientHarm the worst patient harm its compromise can lead to (ISO 14971 scale)
 * @param clinicalFunction whether it takes part in diagnosis, monitoring, therapy or clinical
 *     workflow
 * @param authenticationRequired whether something in front of the component forces an attacker
 *     to authenticate before reaching it; false for the authenticating component itself, whose
 *     flaws are reachable before authentication
 */
public record MedicalDeviceContext(
    String component,
    Reachability reachability,
    boolean handlesHealthData,
    Severity patientHarm,
    boolean clinicalFunction,
    boolean authenticationRequired) {

  public MedicalDeviceContext {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(reachability, "reachability");
    Objects.requireNonNull(patientHarm, "patientHarm");
    if (component.isBlank()) {
      throw new IllegalArgumentException("the component needs a name for the explanations");
    }
  }

  /**
   * A component the model says nothing about: reachable from the internet, handling health data,
   * able to cause death, clinical, no authentication in front of it.
   */
  public static MedicalDeviceContext unknown(String component) {
    return new MedicalDeviceContext(component, Reachability.INTERNET, true, Severity.CATASTROPHIC, true, false);
  }
}
