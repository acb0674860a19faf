package io.vigie.core.vuln.csaf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The identifying parts of a CPE name, from either binding: CPE 2.3 formatted strings ({@code
 * cpe:2.3:a:vendor:product:version:…}, {@code \:} escapes a colon) and CPE 2.2 URIs ({@code
 * cpe:/a:vendor:product:version}, percent-encoded). Parts are compared case-insensitively with
 * escapes removed, so {@code cpe:/a:ge:mac_5500:1.0} and {@code cpe:2.3:a:GE:mac_5500:1.0:*:…}
 * name the same product. {@code version} is empty for {@code *} and {@code -} (any / not
 * applicable).
 */
public record Cpe(String part, String vendor, String product, Optional<String> version) {

  /** The parsed CPE, or empty when the text is not a CPE name. */
  public static Optional<Cpe> parse(String text) {
    String t = text.strip();
    List<String> fields;
    if (t.startsWith("cpe:2.3:")) {
      fields = splitFormatted(t.substring("cpe:2.3:".length()));
    } else if (t.startsWith("cpe:/")) {
      fields = new ArrayList<>();
      for (String f : t.substring(5).split(":", -1)) {
        fields.add(percentDecode(f));
      }
    } else {
      return Optional.empty();
    }
    if (fields.size() < 3 || fields.get(1).isEmpty() || fields.get(2).isEmpty()) {
      return Optional.empty();
    }
    String version = fields.size() > 3 ? fields.get(3) : "";
    Optional<String> v = version.isEmpty() || version.equals("*") || version.equals("-")
        ? Optional.empty() : Optional.of(version);
    return Optional.of(new Cpe(lower(fields.get(0)), lower(fields.get(1)), lower(fields.get(2)), v));
  }

  /** {@code vendor:product}, the key products are indexed by. */
  public String key() {
    return vendor + ":" + product;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static List<String> splitFormatted(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        field.append(s.charAt(++i));
      } else if (c == ':') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

  private static String percentDecode(String s) {
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
