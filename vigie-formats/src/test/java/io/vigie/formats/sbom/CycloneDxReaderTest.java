package io.vigie.formats.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.sbom.SbomFormat;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class CycloneDxReaderTest {
  private static final CycloneDxReader READER = new CycloneDxReader();

  @Test
  void readsTheAnonymisedMedicalDeviceSbom() {
    Sbom sbom = READER.read(SbomData.file("medical-device-case-study/narrow.sbom.json"));

    assertThat(sbom.format()).isEqualTo(SbomFormat.CYCLONEDX);
    assertThat(sbom.specVersion()).isEqualTo("1.4");
    assertThat(sbom.components()).hasSize(55);
    assertThat(sbom.dependencies()).hasSize(56);
    assertThat(sbom.describes()).map(SbomComponent::name).contains("REDACTED");
    assertThat(sbom.timestamp()).contains(java.time.Instant.parse("2025-07-23T20:52:41.344402Z"));
    assertThat(sbom.authors()).anyMatch(a -> a.startsWith("Person: REDACTED"));
    SbomComponent wolfssl = byName(sbom, "WolfSSL");
    assertThat(wolfssl.version()).contains("4.8.1");
    assertThat(wolfssl.cpe()).contains("cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*");
    assertThat(wolfssl.type()).contains("firmware");
    assertThat(byName(sbom, "NXP SDK").version()).contains("2.9.0");
    assertThat(byName(sbom, "fatFS").version()).contains("0.13c");
    // The case study names publishers, not suppliers: kept as author, not counted as supplier.
    assertThat(wolfssl.supplier()).isEmpty();
    assertThat(wolfssl.author()).isPresent();
  }

  static Stream<Path> exampleSboms() {
    return SbomData.files("cyclonedx-bom-examples/SBOM", ".json", ".xml").stream();
  }

  @ParameterizedTest
  @MethodSource("exampleSboms")
  void readsEveryCycloneDxExampleWithTheComponentCountAPlainWalkFinds(Path file) throws Exception {
    Sbom sbom = READER.read(file);
    assertThat(sbom.components()).hasSize(plainCount(file));
  }

  @Test
  void refusesCycloneDx17WithAClearMessage() {
    String bom = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.7\",\"version\":1,\"components\":[]}";
    assertThatThrownBy(() -> READER.read(bom.getBytes(StandardCharsets.UTF_8), "new.cdx.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("new.cdx.json: /specVersion: CycloneDX 1.7 is not supported yet")
        .hasMessageContaining("up to 1.6");
  }

  @Test
  void refusesAnUnknownSpecVersion() {
    String bom = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"banana\",\"version\":1}";
    assertThatThrownBy(() -> READER.read(bom.getBytes(StandardCharsets.UTF_8), "x.json"))
        .hasMessageContaining("/specVersion: unknown CycloneDX spec version 'banana'");
  }

  @Test
  void locatesATruncatedJsonFileByLineAndColumn() throws Exception {
    byte[] whole = Files.readAllBytes(SbomData.file("medical-device-case-study/narrow.sbom.json"));
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

    Problem p = problem(() -> READER.read(truncated, "narrow.sbom.json"));
    assertThat(p.source()).isEqualTo("narrow.sbom.json");
    assertThat(p.line()).isGreaterThan(1);
    assertThat(p.message()).startsWith("not valid JSON");
  }

  @Test
  void reportsSchemaViolationsOfJson() {
    String bom = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,"
        + "\"components\":[{\"type\":\"gadget\",\"name\":\"x\"}]}";
    Problem p = problem(() -> READER.read(bom.getBytes(StandardCharsets.UTF_8), "bad.json"));
    assertThat(p.source()).isEqualTo("bad.json");
    assertThat(p.field()).isEqualTo("/components/0/type");
    assertThat(p.message()).contains("CycloneDX 1.6 JSON schema").contains("enumeration").endsWith("(found \"gadget\")");
  }

  @Test
  void aValueThatBreaksOnlyItsFormatIsReadWithAWarningNamingItAnythingElseStillRefuses() {
    // What the cyclonedx-maven-plugin writes when a POM's URL holds a placeholder it did not resolve.
    String placeholder = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.4\",\"version\":1,"
        + "\"metadata\":{\"timestamp\":\"yesterday\"},"
        + "\"components\":[{\"type\":\"library\",\"name\":\"jackson-core\",\"version\":\"2.9.8\","
        + "\"purl\":\"pkg:maven/com.fasterxml.jackson.core/jackson-core@2.9.8\",\"externalReferences\":"
        + "[{\"type\":\"issue-tracker\",\"url\":\"https://github.com/FasterXML/${project.artifactId}/issues\"}]}]}";

    io.vigie.core.sbom.Sbom read = READER.read(placeholder.getBytes(StandardCharsets.UTF_8), "plugin.json");

    assertThat(read.components()).singleElement().satisfies(c ->
        assertThat(c.purl()).contains("pkg:maven/com.fasterxml.jackson.core/jackson-core@2.9.8"));
    assertThat(read.timestamp()).isEmpty();
    assertThat(read.warnings()).extracting(Problem::field)
        .containsExactlyInAnyOrder("/metadata/timestamp", "/components/0/externalReferences/0/url");
    assertThat(read.warnings()).allSatisfy(w -> assertThat(w.source()).isEqualTo("plugin.json"));
    assertThat(read.warnings().toString()).contains("(found \"https://github.com/FasterXML/${project.artifactId}/issues\")",
        "(found \"yesterday\")", "CycloneDX 1.4 JSON schema");

    // The same document with a key the schema does not know: refused, and the format faults are
    // not what the error lists.
    String misspelt = placeholder.replace("\"components\"", "\"componets\"");
    InvalidInputException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> READER.read(misspelt.getBytes(StandardCharsets.UTF_8), "plugin.json"), InvalidInputException.class);
    assertThat(refused.problems()).isNotEmpty().allSatisfy(pr -> assertThat(pr.message()).doesNotContain("iri-reference"));
    assertThat(refused.problems().toString()).contains("componets");
  }

  @Test
  void reportsXmlSchemaViolationsByLineAndColumn() {
    String bom = "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\">\n"
        + "  <components>\n    <component type=\"gadget\"><name>x</name></component>\n  </components>\n</bom>\n";
    Problem p = problem(() -> READER.read(bom.getBytes(StandardCharsets.UTF_8), "bad.xml"));
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isPositive();
  }

  @Test
  void refusesXmlThatIsNotCycloneDx() {
    assertThatThrownBy(() -> READER.read("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>".getBytes(StandardCharsets.UTF_8), "page.xml"))
        .hasMessageContaining("not CycloneDX");
  }

  @Test
  void refusesAnInvalidPackageUrlWithItsPointer() {
    String bom = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,"
        + "\"components\":[{\"type\":\"library\",\"name\":\"x\",\"purl\":\"not-a-purl\"}]}";
    Problem p = problem(() -> READER.read(bom.getBytes(StandardCharsets.UTF_8), "p.json"));
    assertThat(p.field()).isEqualTo("/components/0/purl");
    assertThat(p.message()).contains("not a valid package URL");
  }

  @Test
  void locatesInvalidPackageUrlsInNestedAndMetadataComponents() {
    String bom = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,"
        + "\"metadata\":{\"component\":{\"type\":\"device\",\"name\":\"pump\",\"purl\":\"pkg:\"}},"
        + "\"components\":[{\"type\":\"library\",\"name\":\"a\",\"purl\":\"pkg:npm/a@1\"},"
        + "{\"type\":\"firmware\",\"name\":\"b\",\"components\":[{\"type\":\"library\",\"name\":\"c\"},"
        + "{\"type\":\"library\",\"name\":\"d\",\"purl\":\"pkg:maven/d@1\"}]}]}";
    assertThatThrownBy(() -> READER.read(bom.getBytes(StandardCharsets.UTF_8), "nested.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(Problem::field)
            .containsExactlyInAnyOrder("/components/1/components/1/purl", "/metadata/component/purl"));
  }

  static Problem problem(Runnable read) {
    try {
      read.run();
    } catch (InvalidInputException e) {
      return e.problems().get(0);
    }
    throw new AssertionError("expected an InvalidInputException");
  }

  private static SbomComponent byName(Sbom sbom, String name) {
    return sbom.components().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no component " + name));
  }

  /** Components counted without the library: every object in a components list, nested ones too. */
  static int plainCount(Path file) throws Exception {
    if (file.toString().endsWith(".json")) {
      return countJson(new ObjectMapper().readTree(file.toFile()).path("components"));
    }
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Element root = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    return countXml(child(root, "components"));
  }

  private static int countJson(JsonNode components) {
    int n = 0;
    for (JsonNode c : components) {
      n += 1 + countJson(c.path("components"));
    }
    return n;
  }

  private static int countXml(Element components) {
    if (components == null) {
      return 0;
    }
    int n = 0;
    for (Node c = components.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && e.getLocalName().equals("component")) {
        n += 1 + countXml(child(e, "components"));
      }
    }
    return n;
  }

  private static Element child(Element parent, String name) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && e.getLocalName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  static List<String> names(Sbom sbom) {
    return sbom.components().stream().map(SbomComponent::name).toList();
  }
}
