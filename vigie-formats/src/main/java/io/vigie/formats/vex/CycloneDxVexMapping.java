package io.vigie.formats.vex;

import io.vigie.core.vex.VexJustification;
import io.vigie.core.vex.VexStatus;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CycloneDX analysis words to and from CISA's VEX vocabulary (docs/vex.md has the table).
 *
 * <p>CycloneDX has nine justifications against CISA's five; the mapping follows their meaning:
 * {@code code_not_present} → vulnerable_code_not_present; {@code code_not_reachable} →
 * vulnerable_code_not_in_execute_path; {@code requires_configuration}, {@code requires_dependency}
 * and {@code requires_environment} → vulnerable_code_cannot_be_controlled_by_adversary (the attacker
 * cannot bring about what the exploit needs); the four {@code protected_*} →
 * inline_mitigations_already_exist. Because it loses detail, the original word is kept at the
 * end of the impact statement ("[CycloneDX justification: requires_environment]"), and the writer
 * uses it again, so a CycloneDX → Vigie → CycloneDX round trip keeps it.
 */
final class CycloneDxVexMapping {
  private static final Pattern KEPT = Pattern.compile("\\s*\\[CycloneDX (justification|state): ([a-z_]+)\\]\\s*$");

  private CycloneDxVexMapping() {}

  static Optional<VexStatus> status(String state) {
    return switch (state) {
      case "not_affected", "false_positive" -> Optional.of(VexStatus.NOT_AFFECTED);
      case "exploitable" -> Optional.of(VexStatus.AFFECTED);
      case "resolved", "resolved_with_pedigree" -> Optional.of(VexStatus.FIXED);
      case "in_triage" -> Optional.of(VexStatus.UNDER_INVESTIGATION);
      default -> Optional.empty();
    };
  }

  static Optional<VexJustification> justification(String word) {
    return switch (word) {
      case "code_not_present" -> Optional.of(VexJustification.VULNERABLE_CODE_NOT_PRESENT);
      case "code_not_reachable" -> Optional.of(VexJustification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
      case "requires_configuration", "requires_dependency", "requires_environment" ->
          Optional.of(VexJustification.VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY);
      case "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control" ->
          Optional.of(VexJustification.INLINE_MITIGATIONS_ALREADY_EXIST);
      default -> Optional.empty();
    };
  }

  /** CISA → CycloneDX, for a statement that does not carry its original CycloneDX word. */
  static String justificationWord(VexJustification j) {
    return switch (j) {
      case COMPONENT_NOT_PRESENT, VULNERABLE_CODE_NOT_PRESENT -> "code_not_present";
      case VULNERABLE_CODE_NOT_IN_EXECUTE_PATH -> "code_not_reachable";
      case VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY -> "requires_environment";
      case INLINE_MITIGATIONS_ALREADY_EXIST -> "protected_by_mitigating_control";
    };
  }

  static String stateWord(VexStatus status) {
    return switch (status) {
      case NOT_AFFECTED -> "not_affected";
      case AFFECTED -> "exploitable";
      case FIXED -> "resolved";
      case UNDER_INVESTIGATION -> "in_triage";
    };
  }

  /** The detail with the original CycloneDX word appended, as the reader stores it. */
  static String keep(String detail, String kind, String word) {
    return (detail.isBlank() ? "" : detail.trim() + " ") + "[CycloneDX " + kind + ": " + word + "]";
  }

  /** The original word kept at the end of an impact statement (justification or state), if any. */
  static Optional<String> kept(String impact, String kind) {
    Matcher m = KEPT.matcher(impact);
    return m.find() && m.group(1).equals(kind) ? Optional.of(m.group(2)) : Optional.empty();
  }

  /** The impact statement without the kept word. */
  static String withoutKept(String impact) {
    return KEPT.matcher(impact).replaceFirst("");
  }
}
