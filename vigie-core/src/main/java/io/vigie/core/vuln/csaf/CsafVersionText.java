package io.vigie.core.vuln.csaf;

import io.vigie.core.vuln.version.VersionSchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the version texts of CSAF product trees into {@link CsafVersionCondition}s: {@code vers:}
 * ranges, and the prose CISA writes where it is unambiguous. See {@link CsafVersionCondition}.
 */
final class CsafVersionText {
  private static final Pattern MONTH = Pattern.compile(
      "\\b(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september"
          + "|oct|october|nov|november|dec|december)\\b|\\d{1,2}/\\d{1,2}/\\d{2,4}");
  /** Longer than any real version text; a bound on the work a hostile document can ask for. */
  private static final int MAX_LENGTH = 300;
  private static final Pattern CONSTRAINT = Pattern.compile("(>=|<=|!=|<|>|=)?\\s*(.+)");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+\\-~]*");

  private CsafVersionText() {}

  static CsafVersionCondition parse(String text, boolean range) {
    if (text.length() > MAX_LENGTH) {
      return new CsafVersionCondition.Unevaluable(text.substring(0, 40) + "…", "longer than " + MAX_LENGTH + " characters");
    }
    String t = text.strip().replaceAll("\\s+", " ");
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("vers:all/*") || lower.matches("vers:[a-z0-9.\\-]+/\\*")
        || lower.equals("all versions") || lower.equals("all") || lower.equals("*")) {
      return new CsafVersionCondition.AllVersions(text);
    }
    if (lower.startsWith("vers:")) {
      int slash = t.indexOf('/');
      if (slash < 0) {
        return new CsafVersionCondition.Unevaluable(text, "a vers range is 'vers:<scheme>/<constraints>'");
      }
      String scheme = t.substring(5, slash);
      VersionOrder order = VersionOrder.of(
          scheme.equals("all") || scheme.equals("generic") ? Optional.empty() : VersionSchemes.forEcosystem(scheme));
      return constraints(text, t.substring(slash + 1), order, true);
    }
    if (MONTH.matcher(lower).find()) {
      return new CsafVersionCondition.Unevaluable(text, "it is a date, not a version: compare the device's date by hand");
    }
    String rewritten = prose(lower, t);
    boolean hasOperator = rewritten.matches(".*[<>=].*");
    if (!range && !hasOperator) {
      if (t.matches("[vV]?\\d+(\\.\\d+)*(\\.[xX*])+")) {
        return wildcard(text, t);
      }
      return constraints(text, "=" + rewritten.replace("|", "|="), new VersionOrder.Dotted(), false);
    }
    if (range && !hasOperator && t.matches("[vV]?\\d+(\\.\\d+)*(\\.[xX*])+")) {
      return wildcard(text, t);
    }
    return constraints(text, rewritten, new VersionOrder.Dotted(), false);
  }

  /** {@code 3.x}: every version whose leading parts are 3. */
  private static CsafVersionCondition wildcard(String text, String t) {
    return new CsafVersionCondition.Constraints(text, List.of(new CsafVersionCondition.Constraint(">=", t), new CsafVersionCondition.Constraint("<=", t)), new VersionOrder.Dotted());
  }

  /** "prior to 2.1" → {@code <2.1}; "2.3.6 and below" → {@code <=2.3.6}; anything else as written. */
  private static String prose(String lower, String original) {
    // Siemens-style "All versions < V4.33" and ">= V4.3 and < V6.4": the words add nothing to
    // the constraints, and "and" between two constraints is vers's "|".
    if (lower.matches("all versions? [<>=!].*")) {
      return prose(lower.substring(lower.indexOf(' ', 4) + 1), original.substring(original.indexOf(' ', 4) + 1));
    }
    if (lower.matches("[<>=!].* and [<>=!].*")) {
      return original.replaceAll("(?i) and (?=[<>=!])", " | ");
    }
    Matcher m = Pattern.compile("(?:all )?(?:versions? )?(?:prior to|before|earlier than|older than) (?:version )?(\\S+)")
        .matcher(lower);
    if (m.matches()) {
      return "<" + original.substring(m.start(1), m.end(1));
    }
    m = Pattern.compile("(?:versions? )?(\\S+) and (?:below|prior|earlier|older|lower)").matcher(lower);
    if (m.matches()) {
      return "<=" + original.substring(m.start(1), m.end(1));
    }
    m = Pattern.compile("(?:versions? )?(\\S+) and (?:above|later|newer|higher)").matcher(lower);
    if (m.matches()) {
      return ">=" + original.substring(m.start(1), m.end(1));
    }
    return original;
  }

  private static CsafVersionCondition constraints(String text, String body, VersionOrder order, boolean vers) {
    List<CsafVersionCondition.Constraint> out = new ArrayList<>();
    for (String part : body.split("\\|")) {
      String p = part.strip();
      Matcher m = CONSTRAINT.matcher(p);
      if (p.isEmpty() || !m.matches()) {
        return new CsafVersionCondition.Unevaluable(text, "an empty constraint");
      }
      String comparator = m.group(1) == null ? "=" : m.group(1);
      String version = stripVersionWord(m.group(2).strip());
      if (!TOKEN.matcher(version).matches()) {
        return new CsafVersionCondition.Unevaluable(text, "'" + version + "' is not a single version");
      }
      if (!comparator.equals("=") && !comparator.equals("!=") && !order.isBound(version)) {
        return new CsafVersionCondition.Unevaluable(text, "'" + version + "' is not a " + order.name()
            + " version, so its order against other versions is ambiguous");
      }
      out.add(new CsafVersionCondition.Constraint(comparator, version));
    }
    if (!vers) {
      // vers requires its constraints sorted; CISA's prose is usually in order but not always.
      // Stable sort, so constraints that do not compare keep the publisher's order.
      out.sort((a, b) -> order.compare(stripWildcard(a.version()), b.version()).orElse(0));
    }
    return new CsafVersionCondition.Constraints(text, out, order);
  }

  private static String stripWildcard(String v) {
    return v.replaceAll("(\\.[xX*])+$", "");
  }

  private static String stripVersionWord(String v) {
    return v.replaceFirst("(?i)^version\\s+", "");
  }
}
