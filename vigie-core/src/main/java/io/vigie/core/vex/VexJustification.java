package io.vigie.core.vex;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a component is not affected: the five labels of CISA's "Vulnerability Exploitability
 * eXchange (VEX) – Status Justifications" (June 2022), spelt the same in OpenVEX and as CSAF
 * flags. CycloneDX has its own nine words; CycloneDxVexMapping translates them.
 */
public enum VexJustification {
  COMPONENT_NOT_PRESENT,
  VULNERABLE_CODE_NOT_PRESENT,
  VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
  VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY,
  INLINE_MITIGATIONS_ALREADY_EXIST;

  /** The OpenVEX and CSAF spelling: {@code vulnerable_code_not_present}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the OpenVEX/CSAF label or Vigie's kebab-case word; empty for anything else. */
  public static Optional<VexJustification> parse(String word) {
    String constant = word.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (VexJustification j : values()) {
      if (j.name().equals(constant)) {
        return Optional.of(j);
      }
    }
    return Optional.empty();
  }
}
