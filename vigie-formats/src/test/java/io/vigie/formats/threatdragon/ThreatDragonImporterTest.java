package io.vigie.formats.threatdragon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.model.ActorKind;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Element;
import io.vigie.core.model.Encryption;
import io.vigie.core.model.ManualThreat;
import io.vigie.core.model.ModelValidator;
import io.vigie.core.model.Stride;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.model.TrustZone;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.formats.model.ModelYamlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Against the real Threat Dragon files in ../shared/data, never copies of them. */
class ThreatDragonImporterTest {
  private final ThreatDragonImporter importer = new ThreatDragonImporter();

  static Path data() {
    String root = System.getProperty("vigie.repo.root");
    assertThat(root).as("system property vigie.repo.root (set by surefire)").isNotNull();
    Path dir = Path.of(root).resolve("../shared/data/threat-models/threat-dragon").normalize();
    assertThat(dir).as("the Threat Dragon test data folder; these tests need ../shared/data next"
        + " to the repository").isDirectory();
    return dir;
  }

  /**
   * Every Threat Dragon v2 model in the data folder, found by content (version 2.x with
   * detail.diagrams), so that models added later are checked too.
   */
  static List<Path> v2Models() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(data())) {
      List<Path> models = files.filter(p -> p.toString().endsWith(".json")).sorted()
          .filter(p -> {
            try {
              JsonNode root = json.readTree(p.toFile());
              return root.path("version").asText("").startsWith("2")
                  && root.path("detail").path("diagrams").isArray();
            } catch (IOException e) {
              return false; // malformed files have tests of their own
            }
          }).toList();
      assertThat(models).as("v2 models found in " + data()).hasSizeGreaterThanOrEqualTo(9);
      return models;
    }
  }

  private ThreatDragonImport importFile(String relative) {
    return importer.read(data().resolve(relative));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v2Models")
  void importsEveryV2ModelIntoAValidModel(Path file) {
    ThreatDragonImport result = importer.read(file);
    DeviceModel model = result.model();
    assertThat(ModelValidator.validate(model)).isEmpty();
    assertThat(model.device().name()).isNotBlank();
    Stream.of(model.actors(), model.zones(), model.components(), model.flows(), model.threats())
        .flatMap(List::stream)
        .map(Element::id)
        .forEach(id -> assertThat(id).as("a readable ID").matches("[a-z0-9]+(-[a-z0-9]+)*")
            .hasSizeLessThanOrEqualTo(60));
    assertThat(importer.read(file)).as("the same file gives the same import").isEqualTo(result);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v2Models")
  void writesEveryImportedModelAsYaml(Path file) {
    String yaml = new ModelYamlWriter().write(importer.read(file).model());
    Object root = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    assertThat(root).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) root).get("vigie")).isEqualTo(1);
  }

  @Test
  void importsTheDemoThreatModel() {
    // 4 stores, 2 processes, 1 actor; 10 flows of which 'Web Request' starts from a loose point
    // (no source cell); 14 threats, the one on 'Web Request' goes with its flow.
    ThreatDragonImport result = importFile("td.vue/src/service/demo/v2-threat-model.json");
    DeviceModel model = result.model();
    assertThat(model.device().name()).isEqualTo("Demo Threat Model");
    assertThat(model.components()).extracting(Component::id).containsExactly("worker-config",
        "database", "web-application-config", "message-queue", "background-worker-process",
        "web-application", "browser");
    assertThat(model.components()).filteredOn(c -> !c.id().equals("browser"))
        .extracting(Component::zone).containsOnly("system");
    assertThat(component(model, "browser").zone()).isEqualTo("external");
    assertThat(component(model, "database").kind()).isEqualTo(ComponentKind.DATABASE);
    assertThat(component(model, "background-worker-process").kind()).isEqualTo(ComponentKind.BACKEND_JOB);
    assertThat(component(model, "web-application").name()).isEqualTo("Web Application");
    assertThat(model.actors()).singleElement().satisfies(a -> {
      assertThat(a.id()).isEqualTo("browser-actor");
      assertThat(a.uses()).containsExactly("web-application");
    });
    assertThat(model.flows()).hasSize(9);
    assertThat(result.notes()).anyMatch(n -> n.contains("'Web Request'") && n.contains("skipped"));
    assertThat(model.threats()).hasSize(13);
    assertThat(model.zones()).extracting(TrustZone::id, TrustZone::trust).containsExactly(
        org.assertj.core.groups.Tuple.tuple("system", TrustLevel.MAKER_CLOUD),
        org.assertj.core.groups.Tuple.tuple("external", TrustLevel.INTERNET));
  }

  @Test
  void mapsFlowProtocolAndEncryption() {
    DeviceModel model = importFile("ThreatDragonModels/v2-threat-model.json").model();
    assertThat(model.flows()).hasSize(10);
    DataFlow request = flow(model, "web-request");
    assertThat(request.from()).isEqualTo("browser");
    assertThat(request.to()).isEqualTo("web-application");
    assertThat(request.protocol()).isEqualTo("HTTP/S");
    assertThat(request.encryption()).isEqualTo(Encryption.TRANSPORT);
    DataFlow message = flow(model, "message");
    assertThat(message.protocol()).isEqualTo("unspecified");
    assertThat(message.encryption()).isEqualTo(Encryption.NONE);
    assertThat(model.flows()).allSatisfy(f ->
        assertThat(f.authentication()).isEqualTo(io.vigie.core.model.Authentication.NONE));
    assertThat(model.threats()).hasSize(14);
  }

  @Test
  void keepsThreatTextStatusAndMitigation() {
    DeviceModel model = importFile("ThreatDragonModels/v2-threat-model.json").model();
    List<ManualThreat> onQueue = model.threats().stream()
        .filter(t -> t.elements().equals(List.of("message-queue"))).toList();
    assertThat(onQueue).hasSize(3);
    assertThat(onQueue).allSatisfy(t -> {
      assertThat(t.id()).startsWith("message-queue-");
      assertThat(t.description()).contains("Threat Dragon: STRIDE threat of type", "status ");
    });
    assertThat(model.threats()).anySatisfy(t -> assertThat(t.description()).contains("Mitigation: "));
  }

  @Test
  void placesElementsInTheBoundaryBoxThatContainsThem() {
    DeviceModel model = importFile("td.vue/src/service/demo/three-tier-web-app.json").model();
    assertThat(model.zones()).extracting(TrustZone::id).containsExactly("trust-boundary", "trust-boundary-2");
    assertThat(component(model, "web-ui").zone()).isEqualTo("trust-boundary");
    assertThat(component(model, "web-service").zone()).isEqualTo("trust-boundary-2");
    assertThat(component(model, "postgressql").zone()).isEqualTo("trust-boundary-2");
    assertThat(component(model, "postgressql").kind()).isEqualTo(ComponentKind.DATABASE);
    assertThat(component(model, "web-service").kind()).isEqualTo(ComponentKind.API_SERVICE);
    assertThat(model.flows()).hasSize(3);
    assertThat(model.threats()).hasSize(2).allSatisfy(t ->
        assertThat(t.elements()).containsExactly("postgressql"));
  }

  @Test
  void importsAMultiDiagramModelWithDuplicateNamesAndLooseFlows() {
    // 4 diagrams: 19 actors/processes/stores, 4 boundary boxes, 8 flows of which 3 have a loose
    // end (a point, or an empty cell), 15 threats all on imported elements.
    ThreatDragonImport result = importFile("td.vue/tests/unit/service/migration/td-test-model.json");
    DeviceModel model = result.model();
    assertThat(model.components()).hasSize(19);
    assertThat(model.actors()).hasSize(7);
    assertThat(model.flows()).hasSize(5);
    assertThat(model.threats()).hasSize(15);
    assertThat(result.notes()).filteredOn(n -> n.startsWith("flow ") && n.contains("skipped")).hasSize(3);
    assertThat(component(model, "test-title-component0").zone()).isEqualTo("test-title-trust-boundary-box0");
    assertThat(result.idsByCell()).containsEntry("component0", "test-title-component0")
        .containsEntry("actor0", "test-title-actor0");
  }

  @Test
  void mapsCiaLinddunAndUnknownThreatTypes() {
    ThreatDragonImport result = importFile("ThreatDragonModels/test/test-reports.json");
    DeviceModel model = result.model();
    assertThat(model.components()).hasSize(24);
    assertThat(model.flows()).hasSize(4);
    assertThat(model.threats()).hasSize(8);
    assertThat(model.threats()).extracting(ManualThreat::category).contains(Stride.SPOOFING);
    // Duplicate element names across diagrams get numbered IDs.
    assertThat(model.components()).extracting(Component::id).contains("process", "process-2", "process-3");
  }

  @Test
  void guessesActorRolesFromTheirNames() {
    assertThat(Guesses.actorKind("Patient at home")).hasValueSatisfying(g ->
        assertThat(g.value()).isEqualTo(ActorKind.PATIENT));
    assertThat(Guesses.actorKind("ICU nurse")).hasValueSatisfying(g ->
        assertThat(g.value()).isEqualTo(ActorKind.CLINICIAN));
    assertThat(Guesses.actorKind("Browser")).isEmpty();
    assertThat(Guesses.componentKind("Capital gains", "")).as("whole words only").isEmpty();
  }

  @Test
  void mapsThreatTypesOfEveryMethodology() {
    assertThat(ThreatCategories.of("Information disclosure", "", "", "").stride())
        .isEqualTo(Stride.INFORMATION_DISCLOSURE);
    assertThat(ThreatCategories.of("elevationOfPrivilege", "", "", "").stride())
        .isEqualTo(Stride.ELEVATION_OF_PRIVILEGE);
    assertThat(ThreatCategories.of("Availability", "", "", "").stride()).isEqualTo(Stride.DENIAL_OF_SERVICE);
    assertThat(ThreatCategories.of("Confidentiality", "", "", "").stride())
        .isEqualTo(Stride.INFORMATION_DISCLOSURE);
    assertThat(ThreatCategories.of("Integrity", "", "", "").stride()).isEqualTo(Stride.TAMPERING);
    ThreatCategories.Category linking = ThreatCategories.of("Linkability", "", "", "");
    assertThat(linking.stride()).isEqualTo(Stride.INFORMATION_DISCLOSURE);
    assertThat(linking.privacy()).contains(io.vigie.core.model.Linddun.LINKING);
    assertThat(ThreatCategories.of("Non-repudiation", "", "", "").stride()).isEqualTo(Stride.REPUDIATION);
    assertThat(ThreatCategories.of("", "AUTHENTICATION", "", "").stride()).isEqualTo(Stride.SPOOFING);
    ThreatCategories.Category unknown = ThreatCategories.of("Generic", "", "Something bad", "");
    assertThat(unknown.guessed()).isTrue();
    assertThat(unknown.stride()).isEqualTo(Stride.TAMPERING);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ThreatDragonModels/demo-threat-model.json",
      "ThreatDragonModels/new-model.json",
      "ThreatDragonModels/enter-the-dragon/enter-the-dragon-1.json",
      "ThreatDragonModels/enter-the-dragon/enter-the-dragon-4.json",
      "ThreatDragonModels/test/malformed-new-model.json",
      "td.vue/tests/e2e/fixtures/v1-model.json",
      "td.vue/tests/unit/service/migration/v1-test-model.json"})
  void refusesVersion1Models(String relative) {
    Path file = data().resolve(relative);
    assertThatThrownBy(() -> importer.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("Threat Dragon v1 model")
        .hasMessageContaining("only Threat Dragon v2 models are supported");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "td.vue/src/service/demo/mobile-cloud.otm.json",
      "td.vue/src/service/demo/huskyai.tmbom.json",
      "td.vue/tests/unit/service/migration/tmbom-test-model.json",
      "ThreatDragonModels/tmbom-otm-example.cdx.json"})
  void refusesOtherThreatModelFormatsSayingWhatTheyAre(String relative) {
    Path file = data().resolve(relative);
    assertThatThrownBy(() -> importer.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a Threat Dragon model");
  }

  @Test
  void rejectsTruncatedJsonWithTheFileAndPosition() throws IOException {
    Path file = data().resolve("td.vue/src/service/demo/generic-cms.json");
    String text = Files.readString(file);
    String truncated = text.substring(0, text.length() / 2);
    assertThatThrownBy(() -> importer.read("generic-cms.json", truncated))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          Problem p = e.problems().get(0);
          assertThat(p.source()).isEqualTo("generic-cms.json");
          assertThat(p.line()).isGreaterThan(1);
          assertThat(p.message()).startsWith("not valid JSON");
        });
  }

  @Test
  void rejectsJsonThatIsNotAnObject() {
    assertThatThrownBy(() -> importer.read("list.json", "[1, 2]"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("list.json: expected a JSON object");
  }

  @Test
  void rejectsAV2ModelWithoutDiagramsNamingTheField() {
    Path file = data().resolve("ThreatDragonModels/test/v2-malformed-new-model.json");
    assertThatThrownBy(() -> importer.read(file))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.problems()).singleElement().satisfies(p -> {
              assertThat(p.source()).isEqualTo(file.toString());
              assertThat(p.field()).isEqualTo("detail");
              assertThat(p.suggestion()).contains("details");
            }));
  }

  @Test
  void reportsEveryMalformedCellAtOnce() {
    String json = """
        {"version": "2.3.0", "summary": {"title": "x"},
         "detail": {"diagrams": [{"cells": [1, {"data": "oops"}]}, {"title": "no cells"}]}}""";
    assertThatThrownBy(() -> importer.read("bad.json", json))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.problems()).extracting(Problem::field).containsExactly(
                "detail.diagrams[0].cells[0]", "detail.diagrams[0].cells[1].data",
                "detail.diagrams[1].cells"));
  }

  @Test
  void namesAMissingFileAsInvalidInput() {
    Path missing = Path.of("no-such-model.json");
    assertThatThrownBy(() -> importer.read(missing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no-such-model.json");
  }

  private static Component component(DeviceModel model, String id) {
    return model.components().stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no component " + id + " in "
            + model.components().stream().map(Component::id).toList()));
  }

  private static DataFlow flow(DeviceModel model, String id) {
    return model.flows().stream().filter(f -> f.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no flow " + id + " in "
            + model.flows().stream().map(DataFlow::id).toList()));
  }
}
