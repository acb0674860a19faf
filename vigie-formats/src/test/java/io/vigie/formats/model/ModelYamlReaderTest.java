package io.vigie.formats.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.model.Authentication;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Need;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelYamlReaderTest {
  private final ModelYamlReader reader = new ModelYamlReader();

  static final String VALID = """
      vigie: 1
      device:
        name: Post-op follow-up
        manufacturer: Example Medical SAS
        version: 2.4.0
        intendedUse: Remote monitoring of patients after surgery
        markets: [EU, FR]
      zones:
        - id: home
          trust: patient-home
        - id: hds
          trust: certified-hosting
          certifiedHealthDataHost: true
      assets:
        - id: vitals
          category: health
          legalBasis: GDPR art. 9(2)(h)
      components:
        - id: app
          kind: mobile-app
          zone: home
          processes: [vitals]
        - id: api
          kind: api-service
          zone: hds
          stores: [vitals]
          harmSeverity: serious
          code: ["services/api/**"]
      flows:
        - id: upload
          from: app
          to: api
          protocol: https
          assets: [vitals]
          authentication: token
          encryption: transport
      """;

  private List<Problem> problems(String yaml) {
    try {
      reader.read(yaml.getBytes(StandardCharsets.UTF_8), "vigie.yaml");
    } catch (InvalidInputException e) {
      return e.problems();
    }
    throw new AssertionError("expected the model to be rejected");
  }

  @Test
  void readsAValidModelWithItsDefaults() {
    DeviceModel m = reader.read(VALID.getBytes(StandardCharsets.UTF_8), "vigie.yaml");

    assertThat(m.device().markets()).containsExactly("EU", "FR");
    assertThat(m.components()).extracting(c -> c.id()).containsExactly("app", "api");
    assertThat(m.components().get(1).code()).containsExactly("services/api/**");
    assertThat(m.flows().get(0).authentication()).isEqualTo(Authentication.TOKEN);
    assertThat(m.assets().get(0).confidentiality()).as("health data defaults to high confidentiality").isEqualTo(Need.HIGH);
    assertThat(m.zones().get(1).certifiedHealthDataHost()).isTrue();
  }

  @Test
  void aFlowToAnUndeclaredComponentIsReportedAtItsLineAndColumnWithASuggestion() {
    List<Problem> p = problems(VALID.replace("    to: api", "    to: apii"));

    assertThat(p).hasSize(1);
    assertThat(p.get(0).toString()).isEqualTo("vigie.yaml:32:9: flows[0].to: unknown component 'apii' (did you mean 'api'?)");
  }

  @Test
  void aMisspeltFieldNameGetsADidYouMean() {
    List<Problem> p = problems(VALID.replace("harmSeverity: serious", "harmSeverty: serious"));

    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(27);
      assertThat(x.column()).isEqualTo(5);
      assertThat(x.field()).isEqualTo("components[1].harmSeverty");
      assertThat(x.suggestion()).contains("harmSeverity");
      assertThat(x.message()).contains("unknown field 'harmSeverty'");
    });
  }

  @Test
  void aWrongEnumWordListsTheAllowedOnesAndSuggestsTheClosest() {
    List<Problem> p = problems(VALID.replace("trust: patient-home", "trust: patient-hom"));

    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.field()).isEqualTo("zones[0].trust");
      assertThat(x.message()).contains("expected one of: internet, third-party, patient-home");
      assertThat(x.suggestion()).contains("patient-home");
    });
  }

  @Test
  void reportsEveryProblemInOneRunInFileOrder() {
    String broken = VALID
        .replace("kind: mobile-app", "kind: phone")
        .replace("    protocol: https\n", "")
        .replace("stores: [vitals]", "stores: [vital]");

    List<Problem> p = problems(broken);

    assertThat(p).extracting(Problem::field)
        .containsExactly("components[0].kind", "flows[0].protocol");
    // Structural (reference) problems come after syntax and type problems are fixed: one at a time
    // would be worse, but a reference check on a half-read model would report noise.
    List<Problem> after = problems(broken.replace("kind: phone", "kind: mobile-app").replace("  to: api\n", "  to: api\n    protocol: https\n"));
    assertThat(after).extracting(Problem::field).containsExactly("components[1].stores[0]");
  }

  @Test
  void aMissingRequiredFieldNamesTheElement() {
    List<Problem> p = problems(VALID.replace("    protocol: https\n", ""));

    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.message()).isEqualTo("missing required field 'protocol'");
      assertThat(x.line()).as("the flow that lacks it").isEqualTo(30);
      assertThat(x.field()).isEqualTo("flows[0].protocol");
    });
  }

  @Test
  void duplicateIdsAndDuplicateKeysAreBothErrors() {
    assertThat(problems(VALID.replace("- id: api", "- id: app")))
        .anySatisfy(x -> assertThat(x.message()).contains("duplicate ID 'app': already used at components[0].id"));
    assertThat(problems(VALID.replace("    trust: patient-home", "    trust: patient-home\n    trust: internet")))
        .singleElement().satisfies(x -> assertThat(x.message()).contains("duplicate key 'trust': already set on line 10"));
  }

  @Test
  void invalidYamlSyntaxIsLocated() {
    List<Problem> p = problems(VALID.replace("markets: [EU, FR]", "markets: [EU, FR"));

    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.message()).startsWith("not valid YAML");
      assertThat(x.line()).isGreaterThan(0);
    });
  }

  @Test
  void emptyFilesAndCommentOnlyFilesAreRefused() {
    assertThat(problems("")).singleElement().satisfies(x -> assertThat(x.message()).contains("the file is empty"));
    assertThat(problems("# nothing here\n")).singleElement().satisfies(x -> assertThat(x.message()).contains("the file is empty"));
  }

  @Test
  void aListWhereAMappingIsExpectedIsOneClearProblem() {
    assertThat(problems("- a\n- b\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).isEqualTo("expected a mapping (key: value lines), found a list"));
  }

  @Test
  void binaryGarbageIsRefused() {
    byte[] garbage = new byte[4096];
    new java.util.Random(42).nextBytes(garbage);
    garbage[10] = 0;

    assertThatThrownBy(() -> reader.read(garbage, "firmware.bin"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("firmware.bin: is a binary file");
  }

  @Test
  void textThatIsNotUtf8IsRefused() {
    byte[] latin1 = "device:\n  name: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> reader.read(latin1, "m.yaml")).hasMessageContaining("is not UTF-8 text");
  }

  @Test
  void anAliasBombIsRefusedQuicklyWithoutExpandingIt() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    String prev = "a";
    for (char c = 'b'; c <= 'z'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = String.valueOf(c);
    }

    assertThat(problems(bomb.toString())).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("refusing what looks like an alias bomb"));
  }

  @Test
  void deepNestingIsRefusedWithoutOverflowingTheStack() {
    String deep = "device: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n";

    assertThat(problems(deep)).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("nesting deeper than 64 levels"));
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
    Path huge = dir.resolve("huge.yaml");
    try (var ch = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
      ch.position(ModelYamlReader.MAX_BYTES + 1).write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
    }

    assertThatThrownBy(() -> reader.read(huge)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a device model is at most 32 MiB");
  }

  @Test
  void aMissingFileAndAFolderAreClearErrors(@TempDir Path dir) {
    assertThatThrownBy(() -> reader.read(dir.resolve("nope.yaml"))).hasMessageContaining("nope.yaml: no such file");
    assertThatThrownBy(() -> reader.read(dir)).hasMessageContaining("is a folder");
  }

  @Test
  void severalDocumentsAreRefused() {
    assertThat(problems(VALID + "---\n" + VALID)).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("several YAML documents"));
  }

  @Test
  void anIdWithSpacesOrThreatSeparatorsIsRefused() {
    assertThat(problems(VALID.replace("- id: app", "- id: mobile app").replace("from: app", "from: mobile app")))
        .anySatisfy(x -> assertThat(x.message()).contains("'mobile app' is not a valid ID"));
  }

  @Test
  void aFutureFormatVersionIsRefused() {
    assertThat(problems(VALID.replace("vigie: 1", "vigie: 2"))).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("format version '2' is not supported"));
  }

  @Test
  void acceptanceDatesMustBeIsoDates() {
    String yaml = VALID + """
        acceptances:
          - threat: health-data-disclosure-in-transit@upload
            rationale: x
            acceptedBy: y
            date: 01/02/2026
        """;
    assertThat(problems(yaml)).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("is not a date in the form YYYY-MM-DD"));
  }

  @Test
  void readsFromAFile(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("vigie.yaml"), VALID);

    assertThat(reader.read(f).components()).hasSize(2);
  }
}
