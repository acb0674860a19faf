package io.vigie.core.vuln.priority;

import java.util.Objects;

/**
 * The priority of one vulnerability in one component of one device, with its reasons.
 *
 * @param priorityClass how soon it wants attention
 * @param rule the row of {@link Prioritizer}'s decision table that assigned the class (1-based)
 * @param postmarketRisk controlled or uncontrolled, in the sense of the FDA postmarket guidance
 * @param sla the deadlines that follow
 * @param cvss the vulnerability's CVSS score and its environmental view for this device
 * @param explanation one sentence that explains the class in words
 */
public record Priority(
    PriorityClass priorityClass,
    int rule,
    PostmarketRisk postmarketRisk,
    Sla sla,
    AdjustedCvss cvss,
    String explanation) {

  public Priority {
    Objects.requireNonNull(priorityClass, "priorityClass");
    Objects.requireNonNull(postmarketRisk, "postmarketRisk");
    Objects.requireNonNull(sla, "sla");
    Objects.requireNonNull(cvss, "cvss");
    Objects.requireNonNull(explanation, "explanation");
    if (rule < 1) {
      throw new IllegalArgumentException("decision table rows are numbered from 1");
    }
  }
}
