package io.vigie.core.vuln.priority;

/**
 * The FDA postmarket guidance's two kinds of cybersecurity risk to essential clinical performance
 * ("Postmarket Management of Cybersecurity in Medical Devices", December 2016): controlled when the
 * residual risk of patient harm is acceptable, uncontrolled when it is not. An uncontrolled risk
 * brings the guidance's deadlines (see {@link Sla}).
 */
public enum PostmarketRisk {
  CONTROLLED,
  UNCONTROLLED
}
