package io.vigie.core.change;

import java.util.List;

/**
 * An element of the device that a change touches, directly or through a data flow, with what a
 * reviewer must look at again: its threats, its risks before and after, the controls on it and
 * the tests that verify them (to re-run), and the two flags a medical-device change review needs.
 *
 * @param reasons why it is impacted, one sentence each ("code changed: services/api/x.java",
 *     "receives vitals from changed 'api' through flow 'to-portal'")
 * @param direct changed itself, rather than reached through a flow
 * @param patientSafety it has (or feeds) a clinical function of serious or worse harm, or a declared hazard
 * @param dataIntegrity it carries or stores clinical data (health data or therapy settings)
 */
public record ImpactedElement(
    String id,
    String kind,
    String name,
    boolean direct,
    List<String> reasons,
    List<String> threats,
    List<RiskChange> risks,
    List<String> controls,
    List<String> tests,
    boolean patientSafety,
    boolean dataIntegrity) {

  public ImpactedElement {
    reasons = List.copyOf(reasons);
    threats = List.copyOf(threats);
    risks = List.copyOf(risks);
    controls = List.copyOf(controls);
    tests = List.copyOf(tests);
  }
}
