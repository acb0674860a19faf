package io.vigie.formats.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.sbom.SbomFormat;
import io.vigie.core.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SpdxReadersTest {
  private static final SpdxJsonReader JSON = new SpdxJsonReader();
  private static final SpdxTagValueReader TAG_VALUE = new SpdxTagValueReader();

  static Stream<Path> spdx2Json() {
    return SbomData.files("spdx-examples", ".json").stream()
        .filter(p -> p.toString().contains("spdx2") || p.toString().contains("SPDXVersion2") || p.toString().contains("v2.3"));
  }

  static Stream<Path> spdx2TagValue() {
    return SbomData.files("spdx-examples", ".spdx").stream();
  }

  @ParameterizedTest
  @MethodSource("spdx2Json")
  void readsEverySpdx2JsonExampleWithEveryPackage(Path file) throws Exception {
    Sbom sbom = JSON.read(file);
    JsonNode tree = new ObjectMapper().readTree(file.toFile());
    assertThat(sbom.format()).isEqualTo(SbomFormat.SPDX);
    assertThat(sbom.specVersion()).isEqualTo(tree.get("spdxVersion").asText());
    int described = sbom.describes().isPresent() ? 1 : 0;
    assertThat(sbom.components().size() + described).isEqualTo(tree.path("packages").size());
    assertThat(sbom.timestamp()).isPresent();
    assertThat(sbom.authors()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("spdx2TagValue")
  void readsEverySpdx22TagValueExample(Path file) throws Exception {
    Sbom sbom = TAG_VALUE.read(file);
    long packages = Files.readAllLines(file).stream().filter(l -> l.startsWith("PackageName:")).count();
    assertThat(sbom.specVersion()).isEqualTo("SPDX-2.2");
    assertThat(sbom.components().size() + (sbom.describes().isPresent() ? 1 : 0)).isEqualTo((int) packages);
  }

  @Test
  void readsMavenPackagesAndTheirDependencyRelationships() {
    Sbom sbom = JSON.read(SbomData.file("spdx-examples/software/example8/spdx2.3/examplemaven-0.0.1.spdx.json"));
    assertThat(sbom.describes()).map(SbomComponent::ref).contains("SPDXRef-example");
    assertThat(sbom.components()).extracting(SbomComponent::name).contains("JUnit", "SLF4J API Module");
    // TEST_DEPENDENCY_OF is reversed into the described package depending on JUnit; DYNAMIC_LINK is kept.
    assertThat(sbom.dependencies()).anySatisfy(d -> {
      assertThat(d.ref()).isEqualTo("SPDXRef-example");
      assertThat(d.dependsOn()).contains("SPDXRef-junit", "SPDXRef-log4jslf4jApi");
    });
  }

  @Test
  void readsPackageUrlsFromExternalRefs() {
    Sbom sbom = JSON.read(SbomData.file("spdx-examples/presentations/SBOMS-SPDX-Now-and-Future/ACME-v2.3.spdx.json"));
    assertThat(sbom.components()).anyMatch(c -> c.purl().equals(java.util.Optional.of("pkg:npm/elliptic@6.5.2")));
  }

  @Test
  void refusesAnUnsupportedSpdxVersionByItsPointer() {
    String doc = "{\"spdxVersion\":\"SPDX-2.1\",\"SPDXID\":\"SPDXRef-DOCUMENT\"}";
    assertThatThrownBy(() -> JSON.read(doc.getBytes(StandardCharsets.UTF_8), "old.spdx.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("old.spdx.json: /spdxVersion: 'SPDX-2.1' is not supported");
  }

  @Test
  void refusesAnSpdxDocumentTheLibraryCannotReadWithoutAStackTrace() {
    String doc = "{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"SPDXRef-DOCUMENT\",\"packages\":\"oops\"}";
    assertThatThrownBy(() -> JSON.read(doc.getBytes(StandardCharsets.UTF_8), "broken.spdx.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("broken.spdx.json: ");
  }
}
