package io.vigie.formats.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The published schema and the reader must agree: same fields, and the examples pass both. */
class ModelSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(ModelSchema.schema());

  private static JsonNode yaml(String text) {
    return JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(text));
  }

  private static Set<String> properties(JsonNode object) {
    Set<String> out = new TreeSet<>();
    for (Iterator<String> it = object.get("properties").fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void itIsAValidJsonDocumentWithTheReadersFields() throws IOException {
    JsonNode schema = JSON.readTree(ModelSchema.json());
    JsonNode p = schema.get("properties");

    assertThat(properties(schema)).isEqualTo(new TreeSet<>(ModelYamlReader.TOP));
    assertThat(properties(p.get("device"))).isEqualTo(new TreeSet<>(ModelYamlReader.DEVICE));
    assertThat(properties(p.get("zones").get("items"))).isEqualTo(new TreeSet<>(ModelYamlReader.ZONE));
    assertThat(properties(p.get("assets").get("items"))).isEqualTo(new TreeSet<>(ModelYamlReader.ASSET));
    assertThat(properties(p.get("components").get("items"))).isEqualTo(new TreeSet<>(ModelYamlReader.COMPONENT));
    assertThat(properties(p.get("flows").get("items"))).isEqualTo(new TreeSet<>(ModelYamlReader.FLOW));
    assertThat(properties(p.get("controls").get("items"))).isEqualTo(new TreeSet<>(ModelYamlReader.CONTROL));
    assertThat(properties(p.get("hazards").get("items"))).isEqualTo(new TreeSet<>(ModelYamlReader.HAZARD));
    assertThat(properties(p.get("threats").get("items"))).isEqualTo(new TreeSet<>(ModelYamlReader.THREAT));
    assertThat(properties(p.get("overrides").get("items"))).isEqualTo(new TreeSet<>(ModelYamlReader.OVERRIDE));
    assertThat(properties(p.get("acceptances").get("items"))).isEqualTo(new TreeSet<>(ModelYamlReader.ACCEPTANCE));
    assertThat(properties(p.get("actors").get("items"))).isEqualTo(new TreeSet<>(ModelYamlReader.ACTOR));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postop-followup", "insulin-titration"})
  void theExamplesPassTheSchemaAndTheReader(String example) throws IOException {
    Path file = Path.of(System.getProperty("vigie.repo.root"), "examples", example, "vigie.yaml");
    String text = Files.readString(file);

    List<Error> problems = SCHEMA.validate(yaml(text));

    assertThat(problems).isEmpty();
    assertThat(new ModelYamlReader().read(file).components()).isNotEmpty();
  }

  @Test
  void aMisspeltFieldFailsTheSchemaToo() {
    List<Error> problems = SCHEMA.validate(yaml(ModelYamlReaderTest.VALID.replace("harmSeverity:", "harmSeverty:")));

    assertThat(problems).anySatisfy(m -> assertThat(m.getMessage()).contains("harmSeverty"));
  }
}
