package io.vigie.core.model;

/**
 * The security control categories of the FDA premarket cybersecurity guidance, Appendix 1 (A to H),
 * in its order, so that reports can trace every control to the category a reviewer looks for.
 */
public enum ControlCategory {
  AUTHENTICATION("A"),
  AUTHORIZATION("B"),
  CRYPTOGRAPHY("C"),
  CODE_DATA_EXECUTION_INTEGRITY("D"),
  CONFIDENTIALITY("E"),
  EVENT_DETECTION_LOGGING("F"),
  RESILIENCY_RECOVERY("G"),
  FIRMWARE_SOFTWARE_UPDATES("H");

  private final String appendixLetter;

  ControlCategory(String appendixLetter) {
    this.appendixLetter = appendixLetter;
  }

  public String appendixLetter() {
    return appendixLetter;
  }
}
