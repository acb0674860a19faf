package io.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.analysis.Analysis;
import io.vigie.core.model.Exploitability;
import io.vigie.core.model.Severity;
import io.vigie.core.risk.Risk;
import io.vigie.core.risk.RiskMatrix;
import org.junit.jupiter.api.Test;

class HeatMapTest {
  @Test
  void cellsCountEveryRiskOnceAtItsInherentAndResidualPosition() {
    Analysis a = ReportFixtures.analyze(ReportFixtures.followUp("Portal"));
    HeatMap inherent = HeatMap.inherent(RiskMatrix.defaults(), a);
    HeatMap residual = HeatMap.residual(RiskMatrix.defaults(), a);

    int sumInherent = 0;
    int sumResidual = 0;
    for (Exploitability e : Exploitability.values()) {
      for (Severity s : Severity.values()) {
        sumInherent += inherent.count(e, s);
        sumResidual += residual.count(e, s);
      }
    }
    assertThat(sumInherent).isEqualTo(a.risks().size());
    assertThat(sumResidual).isEqualTo(a.risks().size());
    Risk first = a.risks().get(0);
    assertThat(inherent.count(first.exploitability(), first.severity())).isPositive();
    assertThat(residual.count(first.residualExploitability(), first.severity())).isPositive();
  }

  @Test
  void markdownHasAHeaderAndFiveRowsOfFiveCells() {
    String md = HeatMap.residual(RiskMatrix.defaults(), ReportFixtures.analyze(ReportFixtures.followUp("Portal"))).markdown();

    String[] lines = md.split("\n");
    assertThat(lines).hasSize(7);
    assertThat(lines[2]).startsWith("| **very-high** |");
    assertThat(lines[6]).startsWith("| **very-low** |");
  }
}
