package io.vigie.report;

import io.vigie.core.analysis.Analysis;
import io.vigie.core.model.Exploitability;
import io.vigie.core.model.Names;
import io.vigie.core.model.Severity;
import io.vigie.core.risk.Risk;
import io.vigie.core.risk.RiskLevel;
import io.vigie.core.risk.RiskMatrix;

/**
 * The risk matrix with the number of risks in each cell: exploitability in rows (very high on
 * top, as risk matrices are read), severity in columns; inherent or residual.
 */
public final class HeatMap {
  private final RiskMatrix matrix;
  private final int[][] counts = new int[5][5];
  private final int total;

  private HeatMap(RiskMatrix matrix, Analysis analysis, boolean residual) {
    this.matrix = matrix;
    for (Risk r : analysis.risks()) {
      Exploitability e = residual ? r.residualExploitability() : r.exploitability();
      counts[e.rank() - 1][r.severity().rank() - 1]++;
    }
    this.total = analysis.risks().size();
  }

  public static HeatMap inherent(RiskMatrix matrix, Analysis analysis) {
    return new HeatMap(matrix, analysis, false);
  }

  public static HeatMap residual(RiskMatrix matrix, Analysis analysis) {
    return new HeatMap(matrix, analysis, true);
  }

  public int count(Exploitability e, Severity s) {
    return counts[e.rank() - 1][s.rank() - 1];
  }

  public int total() {
    return total;
  }

  static String colour(RiskLevel level) {
    switch (level) {
      case LOW: return "#cfe8cf";
      case MEDIUM: return "#fff0b3";
      case HIGH: return "#ffc58f";
      default: return "#f28b82";
    }
  }

  /** An HTML table, cells coloured by level. */
  public String html(String caption) {
    StringBuilder h = new StringBuilder(4096);
    h.append("<table class=\"heat\"><caption>").append(Escape.html(caption)).append("</caption>\n<tr><th>exploitability \\ severity</th>");
    for (Severity s : Severity.values()) {
      h.append("<th>").append(Names.of(s)).append("</th>");
    }
    h.append("</tr>\n");
    for (int e = 5; e >= 1; e--) {
      Exploitability ex = Exploitability.ofRank(e);
      h.append("<tr><th>").append(Names.of(ex)).append("</th>");
      for (Severity s : Severity.values()) {
        RiskLevel level = matrix.level(ex, s);
        int n = count(ex, s);
        h.append("<td style=\"background:").append(colour(level)).append("\" title=\"").append(Names.of(level)).append("\">")
            .append(n == 0 ? "<span class=\"zero\">·</span>" : "<b>" + n + "</b>").append("</td>");
      }
      h.append("</tr>\n");
    }
    return h.append("</table>\n").toString();
  }

  /** A Markdown table: count and level in each cell. */
  public String markdown() {
    StringBuilder m = new StringBuilder(1024);
    m.append("| exploitability \\ severity |");
    for (Severity s : Severity.values()) {
      m.append(' ').append(Names.of(s)).append(" |");
    }
    m.append("\n| --- |");
    for (int i = 0; i < 5; i++) {
      m.append(" :-: |");
    }
    m.append('\n');
    for (int e = 5; e >= 1; e--) {
      Exploitability ex = Exploitability.ofRank(e);
      m.append("| **").append(Names.of(ex)).append("** |");
      for (Severity s : Severity.values()) {
        int n = count(ex, s);
        m.append(' ').append(n == 0 ? "·" : "**" + n + "**").append(' ').append(Names.of(matrix.level(ex, s))).append(" |");
      }
      m.append('\n');
    }
    return m.toString();
  }
}
