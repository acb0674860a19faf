package io.vigie.core.vuln.priority;

/**
 * How soon a vulnerability in a device wants attention, most urgent first. The rules that assign
 * each class are the decision table of {@link Prioritizer}.
 */
public enum PriorityClass {
  /** Act now: exploited in the wild and reachable, or an uncontrolled risk to patients. */
  IMMEDIATE,
  /** Next in line: exploited but hard to reach, critical, or severe and likely to be exploited. */
  HIGH,
  /** Plan it: severe, or moderate and exposed, likely exploited or able to harm patients. */
  MEDIUM,
  /** Routine update. */
  LOW,
  /** No impact on this device in CVSS terms (score 0.0); recorded, not scheduled. */
  INFORMATIONAL
}
