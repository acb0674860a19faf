package io.vigie.core.model;

/** How much a data asset needs one of confidentiality, integrity or availability. */
public enum Need {
  NONE,
  LOW,
  MEDIUM,
  HIGH;

  public boolean atLeast(Need other) {
    return compareTo(other) >= 0;
  }
}
