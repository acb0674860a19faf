package io.vigie.formats.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.analysis.Analyzer;
import io.vigie.core.model.Component;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.SecurityControl;
import io.vigie.core.risk.RiskPolicy;
import io.vigie.core.threat.rules.BuiltInRules;
import io.vigie.formats.model.ModelYamlReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Threat and risk IDs are keys that acceptances, overrides and later releases refer to: the same
 * model must give the same bytes, and reordering any list of the YAML must change nothing.
 */
class AnalysisStabilityTest {
  private final Analyzer analyzer = new Analyzer(BuiltInRules.all(), RiskPolicy.defaults());
  private final AnalysisJsonWriter json = new AnalysisJsonWriter();

  private static DeviceModel model() {
    return new ModelYamlReader().read(StabilityFixture.YAML.getBytes(StandardCharsets.UTF_8), "fixture.yaml");
  }

  @Test
  void theSameModelGivesByteIdenticalJson() {
    assertThat(json.write(analyzer.analyze(model()))).isEqualTo(json.write(analyzer.analyze(model())));
  }

  @Test
  void reorderingEveryListOfTheModelChangesNothingInTheAnalysis() {
    String reference = json.write(analyzer.analyze(model()));
    Random random = new Random(20261129);
    for (int i = 0; i < 25; i++) {
      DeviceModel shuffled = shuffle(model(), random);
      String[] expected = reference.split("\n");
      String[] actual = json.write(analyzer.analyze(shuffled)).split("\n");
      for (int line = 0; line < Math.min(expected.length, actual.length); line++) {
        assertThat(actual[line]).as("permutation %d, line %d of analysis.json", i, line + 1).isEqualTo(expected[line]);
      }
      assertThat(actual).as("permutation %d", i).hasSameSizeAs(expected);
    }
  }

  private static <T> List<T> shuffled(List<T> list, Random random) {
    List<T> copy = new ArrayList<>(list);
    Collections.shuffle(copy, random);
    return copy;
  }

  private static DeviceModel shuffle(DeviceModel m, Random r) {
    List<Component> components = shuffled(m.components(), r).stream().map(c -> new Component(c.id(), c.name(), c.kind(),
        c.zone(), shuffled(c.technologies(), r), shuffled(c.stores(), r), shuffled(c.processes(), r), c.clinicalFunction(),
        c.harmSeverity(), shuffled(c.hazards(), r), shuffled(c.redundantWith(), r), c.credentials(), c.exposure(),
        shuffled(c.code(), r), c.sbom(), c.description())).toList();
    List<DataFlow> flows = shuffled(m.flows(), r).stream().map(f -> new DataFlow(f.id(), f.name(), f.from(), f.to(),
        f.kind(), f.protocol(), shuffled(f.assets(), r), f.authentication(), f.authorization(), f.encryption(),
        f.integrity(), f.description())).toList();
    List<SecurityControl> controls = shuffled(m.controls(), r).stream().map(c -> new SecurityControl(c.id(), c.name(),
        c.category(), shuffled(c.provides(), r), shuffled(c.protects(), r), c.status(), shuffled(c.verification(), r),
        c.description())).toList();
    return new DeviceModel(m.device(), shuffled(m.actors(), r), shuffled(m.zones(), r), shuffled(m.assets(), r),
        components, flows, controls, shuffled(m.hazards(), r), shuffled(m.threats(), r), shuffled(m.overrides(), r),
        shuffled(m.acceptances(), r));
  }
}
