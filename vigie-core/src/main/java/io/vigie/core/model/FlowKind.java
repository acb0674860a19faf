package io.vigie.core.model;

/** What a data flow is for; commands, updates and alerts carry patient-safety weight. */
public enum FlowKind {
  DATA,
  /** A command or setting that changes a clinical function or therapy. */
  COMMAND,
  /** A software or firmware update. */
  UPDATE,
  /** A clinical alert or alarm whose loss or forgery delays or misdirects care. */
  ALERT,
  /** A notification to a person (SMS, e-mail, push). */
  NOTIFICATION,
  /** Login and session traffic. */
  AUTHENTICATION
}
