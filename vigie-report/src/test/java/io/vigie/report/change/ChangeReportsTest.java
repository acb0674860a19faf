package io.vigie.report.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.analysis.Analyzer;
import io.vigie.core.change.ChangeImpact;
import io.vigie.core.change.ChangeImpactAnalyzer;
import io.vigie.core.change.ChangeInput;
import io.vigie.core.change.ChangePolicy;
import io.vigie.core.change.ChangeType;
import io.vigie.core.change.FileChange;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.risk.RiskPolicy;
import io.vigie.core.threat.rules.BuiltInRules;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whoever opens a pull request chooses the file names that the PR comment shows. */
class ChangeReportsTest {
  private static final String HOSTILE = "services/api/<img src=x onerror=alert(1)>|`x`.java";

  private static ChangeImpact impact() {
    DeviceModel m = new ModelBuilder("Pump")
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .zone("ward", TrustLevel.HOSPITAL_NETWORK)
        .asset("rate", DataCategory.THERAPY)
        .component("api", ComponentKind.API_SERVICE, "cloud", c -> c.code("services/api/**"))
        .component("pump", ComponentKind.EMBEDDED_DEVICE, "ward", c -> c.clinicalFunction("infusion", Severity.CATASTROPHIC))
        .flow("set-rate", "api", "pump", f -> f.assets("rate"))
        .build();
    return new ChangeImpactAnalyzer(new Analyzer(BuiltInRules.all(), RiskPolicy.defaults()), ChangePolicy.defaults())
        .analyze(new ChangeInput("main", "feature", Optional.of(m), m, "vigie.yaml",
            List.of(FileChange.of(HOSTILE, ChangeType.ADDED)), List.of(), List.of()));
  }

  @Test
  void aHostileFileNameCannotInjectMarkupIntoThePullRequestComment() {
    String md = ChangeMarkdown.render(impact());

    assertThat(md).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    md.lines().filter(l -> l.startsWith("| `")).forEach(l ->
        assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).as(l).isEqualTo(8));
  }

  @Test
  void norIntoTheHtmlPage() {
    String html = ChangeHtml.render(impact());

    assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
  }

  @Test
  void thePullRequestCommentLeadsWithTheGateAndTheFlags() {
    String md = ChangeMarkdown.render(impact());

    assertThat(md).startsWith("## Vigie change impact: `main` → `feature`");
    assertThat(md).contains("Patient safety: **touched**", "| `pump` component (via flows) |");
  }
}
