package io.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.analysis.Analysis;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.risk.Risk;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  @Test
  void listsEveryRiskWithItsExplanationAndTheControlsWithTheirTests() {
    DeviceModel m = ReportFixtures.followUp("Clinician portal");
    Analysis a = ReportFixtures.analyze(m);

    String md = MarkdownReport.render(m, a);

    for (Risk r : a.risks()) {
      assertThat(md).contains("`" + r.id() + "`");
    }
    assertThat(md).contains("## Risk matrix", "## Risk register", "### Why each risk has its level", "automated-test: TST-AUTH-012");
  }

  @Test
  void aComponentNameCannotBecomeALink() {
    DeviceModel m = ReportFixtures.followUp("[Sign in again](https://evil.example/login)");

    String md = MarkdownReport.render(m, ReportFixtures.analyze(m));

    assertThat(md).doesNotContain("[Sign in again](").contains("\\[Sign in again\\](https://evil.example/login)");
  }

  @Test
  void pipesNewlinesAndTagsInModelTextCannotBreakTablesOrInjectHtml() {
    DeviceModel m = ReportFixtures.followUp("Portal | with\na <img src=x onerror=alert(1)>");

    String md = MarkdownReport.render(m, ReportFixtures.analyze(m));

    assertThat(md).doesNotContain("<img").contains("Portal \\| with a &lt;img");
    md.lines().filter(l -> l.startsWith("| ")).forEach(l -> assertThat(l).endsWith("|"));
  }
}
