package io.vigie.core.change;

/** What happened to an element or a file between two revisions. */
public enum ChangeType {
  ADDED,
  REMOVED,
  CHANGED,
  /** A file moved or renamed with its content (nearly) unchanged; never used for model elements, which are matched by ID. */
  RENAMED
}
