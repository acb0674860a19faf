/**
 * Vulnerability prioritisation for a medical device: {@link io.vigie.core.vuln.priority.CvssScore}
 * computes a CVSS base score from its vector, {@link io.vigie.core.vuln.priority.MitreRubric} adjusts
 * it for one component with the MITRE medical-device rubric, and
 * {@link io.vigie.core.vuln.priority.Prioritizer}, the entry point, combines it with EPSS, KEV and
 * the device model into a {@link io.vigie.core.vuln.priority.Priority}. Decision table and sources:
 * {@code docs/prioritisation.md}.
 */
package io.vigie.core.vuln.priority;
