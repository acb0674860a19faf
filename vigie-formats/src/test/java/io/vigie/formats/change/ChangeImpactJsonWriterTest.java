package io.vigie.formats.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.change.ChangeImpact;
import io.vigie.core.change.ChangeType;
import io.vigie.core.change.ElementChange;
import io.vigie.core.change.FieldChange;
import io.vigie.core.change.FileChange;
import io.vigie.core.change.ImpactedElement;
import io.vigie.core.change.MappedFile;
import io.vigie.core.change.RiskChange;
import io.vigie.core.change.ThreatChange;
import io.vigie.core.risk.RiskLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A large change's impacted elements are written in two halves, the second on another thread, and
 * joined: the text must be, byte for byte, the one a single generator writes, whatever the strings
 * hold (quotes, backslashes, control characters, non-ASCII, surrogate pairs) and however many
 * elements there are.
 */
class ChangeImpactJsonWriterTest {
  private static final String[] TEXTS = {"api", "clinician-portal", "say \"hi\"", "back\\slash", "tab\there",
      "line\nfeed", "bell\u0007", "café", "Überwachung", "日本語", "emoji \uD83D\uDE00", "", " ", "a/b", "</script>",
      "\u2028", "\u007F"};

  @Test
  void halvesJoinedAreTheTextOfOneGenerator() throws Exception {
    for (int n : new int[] {0, 1, 2, 3, 4, 7, 50, 301}) {
      for (long seed = 1; seed <= 6; seed++) {
        ChangeImpact impact = impact(n, new Random(seed * 1000 + n));
        String whole = new ChangeImpactJsonWriter(Integer.MAX_VALUE).write(impact);
        String halves = new ChangeImpactJsonWriter(2).write(impact);
        assertThat(halves).as(n + " elements, seed " + seed).isEqualTo(whole);
        JsonNode read = new ObjectMapper().readTree(halves);
        assertThat(read.get("impacted").size()).isEqualTo(n);
        if (n > 0) {
          assertThat(read.get("impacted").get(n - 1).get("id").asText()).isEqualTo(impact.impacted().get(n - 1).id());
        }
      }
    }
  }

  @Test
  void theDefaultWriterSplitsLargeChangesTheSameWay() {
    ChangeImpact impact = impact(ChangeImpactJsonWriter.PARALLEL_FROM + 11, new Random(7));
    assertThat(new ChangeImpactJsonWriter().write(impact)).isEqualTo(new ChangeImpactJsonWriter(Integer.MAX_VALUE).write(impact));
  }

  private static ChangeImpact impact(int n, Random rnd) {
    List<ImpactedElement> impacted = new ArrayList<>();
    List<RiskChange> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<RiskChange> risks = new ArrayList<>();
      for (int r = rnd.nextInt(4); r > 0; r--) {
        RiskChange c = risk(rnd);
        risks.add(c);
        all.add(c);
      }
      impacted.add(new ImpactedElement("e" + i + text(rnd), rnd.nextBoolean() ? "component" : "flow", text(rnd),
          rnd.nextBoolean(), texts(rnd), texts(rnd), risks, texts(rnd), texts(rnd), rnd.nextBoolean(), rnd.nextBoolean()));
    }
    List<ElementChange> model = List.of(new ElementChange("flow", text(rnd), ChangeType.CHANGED,
        List.of(new FieldChange("encryption", "transport", text(rnd)))));
    List<MappedFile> files = List.of(new MappedFile(new FileChange(text(rnd), Optional.of("old"), ChangeType.RENAMED), texts(rnd)));
    List<ThreatChange> threats = List.of(new ThreatChange(text(rnd), ChangeType.ADDED, text(rnd), texts(rnd)));
    return new ChangeImpact("base@1", "head@2", model, files, texts(rnd), texts(rnd), List.of(), threats,
        all.subList(0, Math.min(all.size(), 5)), impacted, true, "verdict " + text(rnd), rnd.nextBoolean(), texts(rnd));
  }

  private static RiskChange risk(Random rnd) {
    RiskLevel[] levels = RiskLevel.values();
    Optional<RiskLevel> before = rnd.nextInt(5) == 0 ? Optional.empty() : Optional.of(levels[rnd.nextInt(levels.length)]);
    return new RiskChange("risk:" + text(rnd), text(rnd), before, Optional.of(levels[rnd.nextInt(levels.length)]),
        before, Optional.of(levels[rnd.nextInt(levels.length)]), rnd.nextBoolean(), rnd.nextBoolean(), texts(rnd), texts(rnd));
  }

  private static List<String> texts(Random rnd) {
    List<String> out = new ArrayList<>();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      out.add(text(rnd));
    }
    return out;
  }

  private static String text(Random rnd) {
    return TEXTS[rnd.nextInt(TEXTS.length)] + (rnd.nextBoolean() ? "" : TEXTS[rnd.nextInt(TEXTS.length)]);
  }
}
