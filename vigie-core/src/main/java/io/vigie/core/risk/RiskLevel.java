package io.vigie.core.risk;

/** The level a risk matrix cell gives, from least to most serious. */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
