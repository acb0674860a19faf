package io.vigie.core.vuln.cpe;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A CPE name (Common Platform Enumeration, NISTIR 7695): part ({@code a} application, {@code o}
 * operating system, {@code h} hardware) and ten attributes. Parsed from the CPE 2.3 formatted
 * string ({@code cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*}, with {@code \} escapes) or the
 * CPE 2.2 URI ({@code cpe:/a:wolfssl:wolfssl:4.8.1}, percent-encoded, edition possibly packed as
 * {@code ~ed~sw~tsw~thw~other}). Values are compared case-insensitively, so they are kept lower-case
 * (NISTIR 7696 §6.1.1). Malformed input is refused with the position and the reason, never guessed:
 * a CPE that does not parse would only produce wrong matches. Immutable.
 */
public record Cpe(
    CpeValue part,
    CpeValue vendor,
    CpeValue product,
    CpeValue version,
    CpeValue update,
    CpeValue edition,
    CpeValue language,
    CpeValue swEdition,
    CpeValue targetSw,
    CpeValue targetHw,
    CpeValue other) {

  static final String[] NAMES = {"part", "vendor", "product", "version", "update", "edition", "language",
      "sw_edition", "target_sw", "target_hw", "other"};

  public Cpe {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(swEdition, "swEdition");
    Objects.requireNonNull(targetSw, "targetSw");
    Objects.requireNonNull(targetHw, "targetHw");
    Objects.requireNonNull(other, "other");
  }

  /** The eleven attributes in binding order (part first). */
  public List<CpeValue> attributes() {
    return List.of(part, vendor, product, version, update, edition, language, swEdition, targetSw, targetHw, other);
  }

  /** Parses a 2.3 formatted string or a 2.2 URI; {@link InvalidInputException} on anything else. */
  public static Cpe parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.startsWith("cpe:2.3:")) {
      return parseFormattedString(text);
    }
    if (text.startsWith("cpe:/")) {
      return parseUri(text);
    }
    throw bad(text, "expected a CPE 2.3 formatted string (cpe:2.3:part:vendor:product:…) or a CPE 2.2 URI (cpe:/part:vendor:product:…)");
  }

  // ---- 2.3 formatted string (NISTIR 7695 §6.2) ----

  private static Cpe parseFormattedString(String text) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = "cpe:2.3:".length(); i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 >= text.length()) {
          throw bad(text, "a '\\' at the end escapes nothing");
        }
        current.append(c).append(text.charAt(++i));
      } else if (c == ':') {
        fields.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    fields.add(current.toString());
    if (fields.size() != 11) {
      throw bad(text, "a CPE 2.3 formatted string has 11 attributes after 'cpe:2.3:', found " + fields.size()
          + " (a ':' inside a value is written '\\:')");
    }
    List<CpeValue> values = new ArrayList<>(11);
    for (int i = 0; i < 11; i++) {
      values.add(fsValue(text, NAMES[i], fields.get(i)));
    }
    return build(text, values);
  }

  private static CpeValue fsValue(String text, String name, String raw) {
    if (raw.isEmpty()) {
      throw bad(text, name + " is empty: write '*' for any value or '-' for not applicable");
    }
    if (raw.equals("*")) {
      return CpeValue.ANY;
    }
    if (raw.equals("-")) {
      return CpeValue.NA;
    }
    StringBuilder out = new StringBuilder(raw.length());
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '\\') {
        char e = raw.charAt(++i);
        if (isAsciiAlnum(e)) {
          throw bad(text, name + " '" + raw + "': '\\" + e + "' escapes a letter or digit, which never needs escaping");
        }
        if (e < 0x21 || e > 0x7e) {
          throw bad(text, name + " '" + raw + "': only printable ASCII characters can be escaped");
        }
        if (e == '.' || e == '-' || e == '_') {
          out.append(e); // the formatted string never needs these escaped: one canonical spelling
        } else {
          out.append('\\').append(e);
        }
      } else if (c == '*') {
        if (i != 0 && i != n - 1) {
          throw bad(text, name + " '" + raw + "': an unescaped '*' may only begin or end a value (write '\\*' for a literal one)");
        }
        out.append(c);
      } else if (c == '?') {
        if (!onlyQuestionMarksBefore(raw, i) && !onlyQuestionMarksAfter(raw, i)) {
          throw bad(text, name + " '" + raw + "': an unescaped '?' may only begin or end a value (write '\\?' for a literal one)");
        }
        out.append(c);
      } else if (isAsciiAlnum(c) || c == '.' || c == '-' || c == '_') {
        out.append(Character.toLowerCase(c));
      } else {
        throw bad(text, name + " '" + raw + "': '" + c + "' must be escaped as '\\" + c + "' in a CPE 2.3 formatted string");
      }
    }
    return CpeValue.value(out.toString());
  }

  private static boolean onlyQuestionMarksBefore(String raw, int i) {
    for (int j = 0; j < i; j++) {
      if (raw.charAt(j) != '?') {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyQuestionMarksAfter(String raw, int i) {
    for (int j = i + 1; j < raw.length(); j++) {
      if (raw.charAt(j) != '?') {
        return false;
      }
    }
    return true;
  }

  // ---- 2.2 URI (NISTIR 7695 §6.1) ----

  private static Cpe parseUri(String text) {
    String[] parts = text.substring("cpe:/".length()).split(":", -1);
    if (parts.length > 7) {
      throw bad(text, "a CPE 2.2 URI has at most 7 components (part to language), found " + parts.length);
    }
    List<CpeValue> values = new ArrayList<>(11);
    for (int i = 0; i < 11; i++) {
      values.add(CpeValue.ANY);
    }
    for (int i = 0; i < parts.length; i++) {
      if (i == 5 && parts[i].startsWith("~")) {
        // Packed edition: ~edition~sw_edition~target_sw~target_hw~other (§6.1.3.5).
        String[] packed = parts[i].substring(1).split("~", -1);
        if (packed.length != 5) {
          throw bad(text, "a packed edition has 5 fields (~edition~sw_edition~target_sw~target_hw~other), found " + packed.length);
        }
        int[] slots = {5, 7, 8, 9, 10};
        for (int k = 0; k < 5; k++) {
          values.set(slots[k], uriValue(text, NAMES[slots[k]], packed[k]));
        }
      } else {
        values.set(i, uriValue(text, NAMES[i], parts[i]));
      }
    }
    return build(text, values);
  }

  private static CpeValue uriValue(String text, String name, String raw) {
    if (raw.isEmpty()) {
      return CpeValue.ANY;
    }
    if (raw.equals("-")) {
      return CpeValue.NA;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 > raw.length() - 1) {
          throw bad(text, name + " '" + raw + "': '%' must be followed by two hexadecimal digits");
        }
        int code;
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw bad(text, name + " '" + raw + "': '%' must be followed by two hexadecimal digits");
        }
        code = high * 16 + low;
        i += 2;
        if (code == 0x01) {
          out.append('?'); // the 2.3 URI binding's wildcards (§6.1.3.3)
        } else if (code == 0x02) {
          out.append('*');
        } else if (code < 0x21 || code > 0x7e) {
          throw bad(text, name + " '" + raw + "': %" + Integer.toHexString(code) + " is not a printable ASCII character");
        } else {
          char d = (char) code;
          out.append(isAsciiAlnum(d) || d == '.' || d == '-' || d == '_' ? String.valueOf(Character.toLowerCase(d)) : "\\" + d);
        }
      } else if (isAsciiAlnum(c) || c == '.' || c == '-' || c == '_') {
        out.append(Character.toLowerCase(c));
      } else {
        throw bad(text, name + " '" + raw + "': '" + c + "' must be percent-encoded in a CPE 2.2 URI");
      }
    }
    return CpeValue.value(out.toString());
  }

  private static Cpe build(String text, List<CpeValue> v) {
    CpeValue part = v.get(0);
    if (!part.isAny() && !(part.kind() == CpeValue.Kind.VALUE && (part.bound().equals("a") || part.bound().equals("o") || part.bound().equals("h")))) {
      throw bad(text, "part must be 'a' (application), 'o' (operating system) or 'h' (hardware), found '" + part.bound() + "'");
    }
    return new Cpe(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8), v.get(9), v.get(10));
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static InvalidInputException bad(String text, String why) {
    return new InvalidInputException(Problem.at("cpe", "not a valid CPE '" + text + "': " + why));
  }

  /** True when any attribute is a pattern (only NVD criteria may be; a component's CPE names one thing). */
  public boolean hasWildcard() {
    return attributes().stream().anyMatch(CpeValue::hasWildcard);
  }

  /** {@code vendor:product}, how reports name the product. */
  public String vendorProduct() {
    return vendor.logical() + ":" + product.logical();
  }

  /** The same name with another version. */
  public Cpe withVersion(CpeValue newVersion) {
    return new Cpe(part, vendor, product, newVersion, update, edition, language, swEdition, targetSw, targetHw, other);
  }

  /** The CPE 2.3 formatted string. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("cpe:2.3");
    for (CpeValue v : attributes()) {
      out.append(':').append(v.bound());
    }
    return out.toString();
  }
}
