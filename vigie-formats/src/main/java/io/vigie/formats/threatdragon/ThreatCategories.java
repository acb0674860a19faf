package io.vigie.formats.threatdragon;

import io.vigie.core.model.Linddun;
import io.vigie.core.model.Stride;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Threat Dragon's threat types, from whichever methodology the diagram used (STRIDE, CIA, CIA-DIE,
 * LINDDUN, PLOT4ai, Elevation of Privilege cards, generic), mapped to the STRIDE category Vigie
 * assesses and, for the privacy methodologies, the LINDDUN category. Types are compared with case,
 * spaces and punctuation removed, so both the app's labels ("Information disclosure") and its keys
 * ("informationDisclosure") are understood.
 */
final class ThreatCategories {
  private ThreatCategories() {}

  /** Where a threat lands; {@code guessed} when no table named its type. */
  record Category(Stride stride, Optional<Linddun> privacy, boolean guessed) {}

  private static final Map<String, Stride> STRIDE_AND_CIA = Map.ofEntries(
      Map.entry("spoofing", Stride.SPOOFING),
      Map.entry("tampering", Stride.TAMPERING),
      Map.entry("repudiation", Stride.REPUDIATION),
      Map.entry("informationdisclosure", Stride.INFORMATION_DISCLOSURE),
      Map.entry("denialofservice", Stride.DENIAL_OF_SERVICE),
      Map.entry("elevationofprivilege", Stride.ELEVATION_OF_PRIVILEGE),
      // CIA and CIA-DIE: the property the threat attacks.
      Map.entry("confidentiality", Stride.INFORMATION_DISCLOSURE),
      Map.entry("integrity", Stride.TAMPERING),
      Map.entry("availability", Stride.DENIAL_OF_SERVICE),
      // DIE: a non-distributed design is a single point of failure; mutable or long-lived
      // instances let an attacker's changes persist.
      Map.entry("distributed", Stride.DENIAL_OF_SERVICE),
      Map.entry("immutable", Stride.TAMPERING),
      Map.entry("ephemeral", Stride.TAMPERING));

  /**
   * LINDDUN categories are about personal data escaping its purpose, which STRIDE sees as
   * information disclosure; non-repudiation is the privacy side of STRIDE's repudiation.
   */
  private static final Map<String, Linddun> LINDDUN = Map.ofEntries(
      Map.entry("linkability", Linddun.LINKING),
      Map.entry("linking", Linddun.LINKING),
      Map.entry("identifiabilitylinkability", Linddun.LINKING),
      Map.entry("identifiability", Linddun.IDENTIFYING),
      Map.entry("identifying", Linddun.IDENTIFYING),
      Map.entry("nonrepudiation", Linddun.NON_REPUDIATION),
      Map.entry("detectability", Linddun.DETECTING),
      Map.entry("detecting", Linddun.DETECTING),
      Map.entry("disclosureofinformation", Linddun.DATA_DISCLOSURE),
      Map.entry("datadisclosure", Linddun.DATA_DISCLOSURE),
      Map.entry("unawareness", Linddun.UNAWARENESS),
      Map.entry("unawarenessunintervenability", Linddun.UNAWARENESS),
      Map.entry("noncompliance", Linddun.NON_COMPLIANCE));

  /** OWASP Cornucopia suits, for Elevation of Privilege threats that carry no type. */
  private static final Map<String, Stride> CARD_SUITS = Map.of(
      "authentication", Stride.SPOOFING,
      "sessionmanagement", Stride.SPOOFING,
      "authorization", Stride.ELEVATION_OF_PRIVILEGE,
      "datavalidationencoding", Stride.TAMPERING,
      "datavalidationandencoding", Stride.TAMPERING,
      "cryptography", Stride.INFORMATION_DISCLOSURE);

  /**
   * The category of a threat with Threat Dragon type {@code type} (may be empty), EoP card suit
   * {@code cardSuit} (may be empty), title and description. When no table knows the type, the
   * STRIDE word in the title or description decides, else tampering: of the categories that can
   * harm a patient it is the most common, so an unknown threat is not under-rated.
   */
  static Category of(String type, String cardSuit, String title, String description) {
    String key = normalise(type);
    Stride stride = STRIDE_AND_CIA.get(key);
    if (stride != null) {
      return new Category(stride, Optional.empty(), false);
    }
    Linddun privacy = LINDDUN.get(key);
    if (privacy != null) {
      Stride s = privacy == Linddun.NON_REPUDIATION ? Stride.REPUDIATION : Stride.INFORMATION_DISCLOSURE;
      return new Category(s, Optional.of(privacy), false);
    }
    String suit = normalise(cardSuit);
    stride = STRIDE_AND_CIA.getOrDefault(suit, CARD_SUITS.get(suit));
    if (stride != null) {
      return new Category(stride, Optional.empty(), false);
    }
    return new Category(fromWords(title + " " + description), Optional.empty(), true);
  }

  private static Stride fromWords(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("spoof") || t.contains("impersonat")) {
      return Stride.SPOOFING;
    }
    if (t.contains("repudiat")) {
      return Stride.REPUDIATION;
    }
    if (t.contains("disclos") || t.contains("leak") || t.contains("confidential")) {
      return Stride.INFORMATION_DISCLOSURE;
    }
    if (t.contains("denial") || t.contains("availability") || t.contains("flood")) {
      return Stride.DENIAL_OF_SERVICE;
    }
    if (t.contains("privilege") || t.contains("escalat")) {
      return Stride.ELEVATION_OF_PRIVILEGE;
    }
    return Stride.TAMPERING;
  }

  private static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }
}
