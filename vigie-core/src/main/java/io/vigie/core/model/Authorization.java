package io.vigie.core.model;

/** How the receiver of a data flow decides what its sender may do. */
public enum Authorization {
  NONE,
  ROLE_BASED,
  ATTRIBUTE_BASED,
  /** Each user reaches only their own records (the patient's own data). */
  OWNER_ONLY;

  public boolean isPresent() {
    return this != NONE;
  }
}
