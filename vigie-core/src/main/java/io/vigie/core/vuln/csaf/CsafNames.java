package io.vigie.core.vuln.csaf;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * How names are compared when a CSAF product is matched by vendor and product name: lower case,
 * accents and punctuation dropped, whitespace collapsed, and a vendor's legal form ("Inc.",
 * "GmbH", "Corporation"…) ignored, so that "St. Jude Medical, Inc." is "st jude medical". The
 * database indexes products by the same keys, so a lookup and the matcher agree.
 */
public final class CsafNames {
  private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "corp", "corporation", "co",
      "company", "ltd", "limited", "llc", "gmbh", "ag", "sa", "sas", "plc", "bv", "nv", "ab", "oy", "kk", "srl", "spa");

  private static final java.util.regex.Pattern TRADE_MARKS = java.util.regex.Pattern.compile("[\u2122\u2120\u00AE\u00A9]");

  private CsafNames() {}

  /** {@code "Alaris™ PC-Unit (8015)"} → {@code "alaris pc unit 8015"}. */
  public static String normalize(String name) {
    String ascii = asciiNormalized(name);
    if (ascii != null) {
      return ascii;
    }
    // Trade-mark signs first: NFKD spells ™ as the letters "TM", which would glue them to the name.
    String s = Normalizer.normalize(TRADE_MARKS.matcher(name).replaceAll(" "), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return s;
  }

  /**
   * {@link #normalize} of a pure-ASCII name without the Unicode normaliser and the two regular
   * expressions, whose ASCII result is the same (letters and digits kept and lower-cased, every
   * other run one space, trimmed); null for any other name. A scan keys every component of the
   * SBOM by name, and almost all names are ASCII: on 10,000 components the general path costs a
   * tenth of a second.
   */
  private static String asciiNormalized(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean gap = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
      if (letterOrDigit) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /** {@link #normalize} without trailing legal forms: {@code "Baxter International Inc."} → {@code "baxter international"}. */
  public static String vendor(String name) {
    String s = normalize(name);
    boolean changed = true;
    while (changed) {
      changed = false;
      int space = s.lastIndexOf(' ');
      if (space > 0 && LEGAL_FORMS.contains(s.substring(space + 1))) {
        s = s.substring(0, space);
        changed = true;
      }
    }
    return s;
  }

  /** A version as text for equality when it is not an ordered version: case and a leading "v" ignored. */
  static String versionText(String version) {
    String v = version.strip().toLowerCase(Locale.ROOT).replaceFirst("^version\\s+", "");
    return v.matches("v\\d.*") ? v.substring(1) : v;
  }
}
