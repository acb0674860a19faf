package io.vigie.core.model;

/** The LINDDUN privacy threat categories, for threats to personal and health data (GDPR). */
public enum Linddun {
  LINKING,
  IDENTIFYING,
  NON_REPUDIATION,
  DETECTING,
  DATA_DISCLOSURE,
  UNAWARENESS,
  NON_COMPLIANCE
}
