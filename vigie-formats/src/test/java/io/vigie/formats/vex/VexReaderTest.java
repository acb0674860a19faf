package io.vigie.formats.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.vex.VexJustification;
import io.vigie.core.vex.VexStatement;
import io.vigie.core.vex.VexStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VexReaderTest {
  @TempDir Path dir;

  static final String OPENVEX = """
      {"@context": "https://openvex.dev/ns/v0.2.0",
       "@id": "https://example.com/vex/2026-001", "author": "Example Medical PSIRT",
       "timestamp": "2026-11-01T09:00:00Z", "version": 1,
       "statements": [
        {"vulnerability": {"name": "CVE-2021-44228"},
         "products": [{"@id": "pkg:oci/pump-gateway@sha256%3Aabc",
                       "subcomponents": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}]}],
         "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path",
         "impact_statement": "JNDI lookups are disabled at start-up."},
        {"vulnerability": {"name": "CVE-2022-22965"}, "timestamp": "2026-11-02T09:00:00Z",
         "products": [{"@id": "pkg:maven/org.springframework/spring-beans@5.3.17"}],
         "status": "affected", "action_statement": "Update to 5.3.18."}
       ]}
      """;

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void readsOpenVexWithSubcomponentsAsTheComponentCarryingTheVulnerability() throws IOException {
    VexDocument doc = new VexReader().read(write("vex.openvex.json", OPENVEX), VexData.IMPORT);
    assertThat(doc.format()).isEqualTo(VexFormat.OPENVEX);
    VexStatement first = doc.statements().get(0);
    assertThat(first.component()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core");
    assertThat(first.componentVersion()).isEqualTo("2.14.1");
    assertThat(first.justification()).contains(VexJustification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
    assertThat(first.author()).isEqualTo("Example Medical PSIRT");
    assertThat(first.timestamp()).hasToString("2026-11-01T09:00:00Z");
    VexStatement second = doc.statements().get(1);
    assertThat(second.status()).isEqualTo(VexStatus.AFFECTED);
    assertThat(second.action()).contains("Update to 5.3.18.");
    assertThat(second.timestamp()).hasToString("2026-11-02T09:00:00Z");
  }

  @Test
  void detectsEachFormatAndRefusesOtherJson() throws IOException {
    Path cdx = VexData.vexFolder().resolve("CISA-Use-Cases/Case-2/vex.json");
    assertThat(new VexReader().read(cdx, VexData.IMPORT).format()).isEqualTo(VexFormat.CYCLONEDX);
    String csaf = new CsafVexWriter().write(new VexReader().read(cdx, VexData.IMPORT).statements(), VexRoundTripTest.EXPORT);
    assertThat(new VexReader().read(write("x.csaf.json", csaf), VexData.IMPORT).statements()).hasSize(19);
    assertThatThrownBy(() -> new VexReader().read(write("model.json", "{\"name\": \"pump\"}"), VexData.IMPORT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("model.json: not a VEX document Vigie knows");
  }

  @Test
  void aRealCisaMedicalAdvisoryIsRefusedAsNotVex() throws IOException {
    Path icsma;
    try (Stream<Path> files = Files.list(VexData.vexFolder().resolve("../../../cisa-csaf/icsma").normalize())) {
      icsma = files.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
    }
    assertThatThrownBy(() -> new VexReader().read(icsma, VexData.IMPORT))
        .hasMessageContaining(icsma.getFileName().toString())
        .hasMessageContaining("/document/category: 'csaf_security_advisory' is not a VEX document; expected csaf_vex");
  }

  @Test
  void badOpenVexAndCsafNameTheField() throws IOException {
    assertThatThrownBy(() -> new VexReader().read(write("a.json", OPENVEX.replace("\"author\": \"Example Medical PSIRT\",", "")),
        VexData.IMPORT)).hasMessageEndingWith("a.json: /author: missing");
    assertThatThrownBy(() -> new VexReader().read(write("b.json", OPENVEX.replace("\"status\": \"affected\"", "\"status\": \"bad\"")),
        VexData.IMPORT)).hasMessageContaining("b.json: /statements/1/status: unknown status 'bad'");
    assertThatThrownBy(() -> new VexReader().read(write("c.json", OPENVEX.replace(
        "\"justification\": \"vulnerable_code_not_in_execute_path\",", "").replace(
        "\"impact_statement\": \"JNDI lookups are disabled at start-up.\"", "\"x\": 1")), VexData.IMPORT))
        .hasMessageContaining("c.json: /statements/0: a not_affected statement gives a justification or an impact_statement");
    String csaf = new CsafVexWriter().write(new VexReader().read(VexData.vexFolder().resolve("CISA-Use-Cases/Case-2/vex.json"),
        VexData.IMPORT).statements(), VexRoundTripTest.EXPORT);
    assertThatThrownBy(() -> new VexReader().read(write("d.json", csaf.replace("\"CSAFPID-0001\" ]", "\"CSAFPID-9999\" ]")
        .replaceFirst("\"CSAFPID-0001\"\\s*\\]", "\"CSAFPID-9999\" ]")), VexData.IMPORT))
        .hasMessageContaining("d.json: /vulnerabilities/0/product_status/known_not_affected/0: product 'CSAFPID-9999' is not in the product tree");
    assertThatThrownBy(() -> new VexReader().read(write("e.json", "{\"@context\": \"https://openvex.dev/ns/v0.2.0\""),
        VexData.IMPORT)).hasMessageStartingWith(dir.resolve("e.json") + ":1:").hasMessageContaining("not valid JSON");
    Path folder = Files.createDirectory(dir.resolve("folder.json"));
    assertThatThrownBy(() -> new VexReader().read(folder, VexData.IMPORT)).hasMessageContaining("is a folder");
  }

  @Test
  void hostileDocumentsAreRefusedBeforeTheyCostMemory() throws IOException {
    Path deep = write("deep.json", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
    assertThatThrownBy(() -> new VexReader().read(deep, VexData.IMPORT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("deep.json").hasMessageContaining("not valid JSON");
    Path huge = dir.resolve("huge.json");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(VexJson.MAX_BYTES + 1); // sparse: no disk used
    }
    assertThatThrownBy(() -> new VexReader().read(huge, VexData.IMPORT))
        .hasMessageContaining("huge.json: the file is 67108865 bytes; a VEX document is read only up to 64 MiB");
    assertThatThrownBy(() -> new VexReader().read(dir.resolve("missing.json"), VexData.IMPORT))
        .hasMessageContaining("missing.json: no such file");
  }
}
