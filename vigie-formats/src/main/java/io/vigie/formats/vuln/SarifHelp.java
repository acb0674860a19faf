package io.vigie.formats.vuln;

import io.vigie.core.model.Names;
import io.vigie.core.vuln.VulnerabilityFinding;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code help} of a SARIF rule, in text and GitHub Markdown: what GitHub shows beside an alert.
 * The priority sentence for each affected component, CVSS with its vector, EPSS, KEV, where each
 * match came from, and the first fixed version when the matching advisory range names one (read
 * from the provenance rule, "…, fixed 2.15.0": the match carries no fixed version of its own).
 */
final class SarifHelp {
  private static final Pattern FIXED = Pattern.compile("\\bfixed ([^\\s,;)]+)");

  private SarifHelp() {}

  static String help(List<VulnerabilityFinding> findings, boolean markdown) {
    VulnerabilityFinding first = findings.get(0);
    VulnerabilityMatch m = first.match();
    StringBuilder s = new StringBuilder();
    String bullet = markdown ? "- " : "  ";
    s.append(markdown ? "**" + md(m.id()) + "**" : m.id());
    String summary = SarifWriter.oneLine(m.summary());
    if (!summary.isEmpty()) {
      s.append(": ").append(markdown ? md(summary) : summary);
    }
    s.append("\n\n");
    s.append(markdown ? "Known as: " + md(String.join(", ", m.ids())) : "Known as: " + String.join(", ", m.ids())).append("\n\n");
    s.append("CVSS: ").append(first.cvss().map(c -> c.baseScore() + " " + Names.of(c.severity()) + " ("
        + (markdown ? "`" + code(c.vector()) + "`" : c.vector()) + ")").orElse("no vector to score")).append('\n');
    s.append(markdown ? "\n" : "");
    s.append("EPSS: ").append(first.epss().map(e -> String.format(Locale.ROOT, "%.3f (percentile %.3f, %s)",
        e.probability(), e.percentile(), e.scoreDate())).orElse("no score")).append('\n');
    s.append(markdown ? "\n" : "");
    s.append("Known exploited (CISA KEV): ").append(first.kev().map(k -> "yes, added " + k.dateAdded() + ", due "
        + k.dueDate() + (k.knownRansomware() ? ", used in ransomware campaigns" : "")).orElse("no")).append("\n\n");
    s.append(markdown ? "**Priority for patients**\n\n" : "Priority for patients:\n");
    for (VulnerabilityFinding f : findings) {
      String line = f.match().componentName() + ": " + f.priority().map(p -> Names.of(p.priorityClass()) + ": " + p.explanation())
          .orElse("not scored (no CVSS vector). " + "Treat as unknown, not as low.");
      s.append(bullet).append(markdown ? md(line) : line).append('\n');
    }
    s.append(markdown ? "\n**Where the match came from**\n\n" : "\nWhere the match came from:\n");
    Set<String> seen = new LinkedHashSet<>();
    Set<String> fixes = new LinkedHashSet<>();
    for (VulnerabilityFinding f : findings) {
      for (VulnerabilityMatch.Provenance p : f.match().provenance()) {
        seen.add(f.match().componentName() + ": " + p.source() + " " + p.record() + " (" + p.method().label() + ", "
            + Names.of(p.confidence()) + " confidence): " + p.rule());
        Matcher fx = FIXED.matcher(p.rule());
        if (fx.find()) {
          fixes.add(f.match().componentName() + ": upgrade to " + fx.group(1) + " or later (first fixed version in "
              + p.advisory() + ")");
        }
      }
    }
    seen.forEach(line -> s.append(bullet).append(markdown ? md(line) : line).append('\n'));
    s.append(markdown ? "\n**Fix**\n\n" : "\nFix:\n");
    if (fixes.isEmpty()) {
      s.append(bullet).append("No fixed version is known from the advisories: look for a workaround, or record a VEX "
          + "statement once assessed.").append('\n');
    } else {
      fixes.forEach(line -> s.append(bullet).append(markdown ? md(line) : line).append('\n'));
    }
    return s.toString();
  }

  /** Advisory text in GitHub Markdown: no HTML, no links, no emphasis, no code spans. */
  static String md(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '(', ')', '!', '#', '|', '~' -> out.append('\\').append(c);
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.toString();
  }

  private static String code(String s) {
    return s.replace('`', '\'');
  }

}
