package io.vigie.core.model;

/**
 * What a security control does, in words a threat rule can test for. A rule names the
 * capabilities that mitigate its threat; a control lists the capabilities it provides and the
 * elements it protects. That pairing is how controls lower residual risk and how a missing control
 * is found, without any rule knowing any control by name.
 */
public enum Capability {
  AUTHENTICATION,
  MULTI_FACTOR_AUTHENTICATION,
  UNIQUE_CREDENTIALS,
  ACCOUNT_LOCKOUT,
  RATE_LIMITING,
  SESSION_TIMEOUT,
  ACCESS_CONTROL,
  LEAST_PRIVILEGE,
  ENCRYPTION_IN_TRANSIT,
  ENCRYPTION_AT_REST,
  KEY_MANAGEMENT,
  SECRETS_MANAGEMENT,
  MESSAGE_INTEGRITY,
  DATA_INTEGRITY_CHECK,
  ANTI_REPLAY,
  INPUT_VALIDATION,
  CODE_SIGNING,
  SECURE_BOOT,
  SIGNATURE_VERIFICATION,
  SECURE_UPDATE,
  AUDIT_LOG,
  SECURITY_MONITORING,
  INTRUSION_DETECTION,
  ALERT_DELIVERY_MONITORING,
  PATIENT_IDENTITY_VERIFICATION,
  CONSENT_RECORD,
  DATA_MINIMISATION,
  PSEUDONYMISATION,
  DATA_RETENTION,
  DATA_PROCESSING_AGREEMENT,
  CERTIFIED_HOSTING,
  BACKUP_RESTORE,
  REDUNDANCY,
  FAIL_SAFE,
  DOS_PROTECTION,
  HARDENING,
  PATCH_MANAGEMENT,
  TAMPER_DETECTION,
  PHYSICAL_PROTECTION
}
