package io.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.analysis.Analysis;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.risk.Risk;
import io.vigie.core.threat.Threat;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final String XSS = "Portal <script>alert('x')</script> & \"co\"";

  @Test
  void listsEveryThreatAndRiskAndTheGateVerdict() {
    DeviceModel m = ReportFixtures.followUp("Clinician portal");
    Analysis a = ReportFixtures.analyze(m);

    String html = HtmlReport.render(m, a);

    for (Threat t : a.threats()) {
      assertThat(html).contains(Escape.html(t.id()));
    }
    for (Risk r : a.risks()) {
      assertThat(html).contains(Escape.html(r.id()));
    }
    assertThat(html).contains(a.summary().gatePassed() ? "Every residual risk is acceptable" : "NOT acceptable under the policy");
    assertThat(html).contains("<svg", "Risk matrix", "Risk register", "TST-AUTH-012", "A. authentication", "HAZ-12");
  }

  @Test
  void isSelfContainedWithoutScriptsOrExternalResources() {
    DeviceModel m = ReportFixtures.followUp("Clinician portal");
    String html = HtmlReport.render(m, ReportFixtures.analyze(m));

    assertThat(html).doesNotContain("<script", "src=\"http", "href=\"http", "<link ", "@import");
    assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
  }

  @Test
  void modelTextCannotInjectMarkup() {
    DeviceModel m = ReportFixtures.followUp(XSS);
    String html = HtmlReport.render(m, ReportFixtures.analyze(m));

    assertThat(html).doesNotContain("<script>alert").doesNotContain("\"co\"")
        .contains("Portal &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;");
  }

  @Test
  void theSameAnalysisGivesTheSameBytes() {
    DeviceModel m = ReportFixtures.followUp("Clinician portal");
    Analysis a = ReportFixtures.analyze(m);

    assertThat(HtmlReport.render(m, a)).isEqualTo(HtmlReport.render(m, ReportFixtures.analyze(m)));
  }
}
