package io.vigie.formats.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.vex.VexJustification;
import io.vigie.core.vex.VexStatement;
import io.vigie.core.vex.VexStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CycloneDxVexReaderTest {
  final CycloneDxVexReader reader = new CycloneDxVexReader();

  VexDocument read(String relative) {
    return reader.read(VexData.vexFolder().resolve(relative), VexData.IMPORT);
  }

  static Map<VexStatus, Long> counts(VexDocument doc) {
    return doc.statements().stream().collect(Collectors.groupingBy(VexStatement::status, Collectors.counting()));
  }

  @Test
  void cisaCase1ReadsTheFourStatusesOfLog4ShellForEachProduct() {
    VexStatement affected = read("CISA-Use-Cases/Case-1/vex-affected.json").statements().get(0);
    VexStatement fixed = read("CISA-Use-Cases/Case-1/vex-fixed.json").statements().get(0);
    VexStatement notAffected = read("CISA-Use-Cases/Case-1/vex-not_affected.json").statements().get(0);
    VexStatement triage = read("CISA-Use-Cases/Case-1/vex-under_investigation.json").statements().get(0);

    assertThat(affected.status()).isEqualTo(VexStatus.AFFECTED);
    assertThat(affected.component()).isEqualTo("DEF");
    assertThat(affected.componentVersion()).isEqualTo("1.0");
    assertThat(affected.action()).contains("response: will_not_fix, update");
    assertThat(fixed.status()).isEqualTo(VexStatus.FIXED);
    assertThat(fixed.componentVersion()).isEqualTo("1.1");
    assertThat(notAffected.status()).isEqualTo(VexStatus.NOT_AFFECTED);
    assertThat(notAffected.component()).isEqualTo("ABC");
    assertThat(notAffected.justification()).contains(VexJustification.VULNERABLE_CODE_NOT_PRESENT);
    assertThat(notAffected.impact().orElseThrow()).startsWith("This version of Product ABC is not affected")
        .endsWith("[CycloneDX justification: code_not_present]");
    assertThat(triage.status()).isEqualTo(VexStatus.UNDER_INVESTIGATION);
    assertThat(List.of(affected, fixed, notAffected, triage)).allSatisfy(s -> {
      assertThat(s.vulnerability()).isEqualTo("CVE-2021-44228");
      assertThat(s.timestamp()).hasToString("2022-03-03T00:00:00Z");
      assertThat(s.author()).isEqualTo("importer");
      assertThat(s.origin()).startsWith("imported from vex-").contains("CycloneDX 1.4");
    });
  }

  @Test
  void cisaCases2And3ReadEveryRipple20StatementWithItsState() {
    VexDocument case2 = read("CISA-Use-Cases/Case-2/vex.json");
    assertThat(case2.statements()).hasSize(19).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(VexStatus.NOT_AFFECTED);
      assertThat(s.justification()).contains(VexJustification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
    });
    VexDocument case3 = read("CISA-Use-Cases/Case-3/vex.json");
    assertThat(counts(case3)).containsExactlyInAnyOrderEntriesOf(Map.of(VexStatus.UNDER_INVESTIGATION, 5L,
        VexStatus.NOT_AFFECTED, 6L, VexStatus.AFFECTED, 5L, VexStatus.FIXED, 3L));
    assertThat(case3.statements()).filteredOn(s -> s.vulnerability().equals("CVE-2020-11901"))
        .extracting(VexStatement::status).containsExactly(VexStatus.FIXED);
  }

  @Test
  void cisaCases4To8KeepTheVersionsAndRangesTheyAssess() {
    VexDocument case6 = read("CISA-Use-Cases/Case-6/vex.json");
    assertThat(case6.statements()).extracting(s -> s.status() + " " + s.componentVersion()).containsExactly(
        "AFFECTED 2.4", "AFFECTED 2.6", "AFFECTED vers:generic/>=2.9|<=4.1",
        "NOT_AFFECTED vers:generic/>=1.0|<=2.3", "NOT_AFFECTED 2.5", "NOT_AFFECTED vers:generic/>=2.7|<=2.8",
        "NOT_AFFECTED 4.2");
    assertThat(read("CISA-Use-Cases/Case-5/vex.json").statements()).singleElement()
        .extracting(VexStatement::status).isEqualTo(VexStatus.UNDER_INVESTIGATION);
    // BOM-links to two other BOMs: the fragment names the product.
    VexDocument case8 = read("CISA-Use-Cases/Case-8/vex.json");
    assertThat(case8.statements()).extracting(VexStatement::component).containsOnly("product-ABC", "product-JKL");
    assertThat(case8.statements()).filteredOn(s -> s.vulnerability().equals("CVE-2021-45105")
        && s.status() == VexStatus.FIXED).extracting(VexStatement::componentVersion).containsExactly("5.2");
  }

  @Test
  void aBomLinkToAPackageUrlGivesThePackageIdentityAndVersion() {
    VexStatement s = read("vex.json").statements().get(0);
    assertThat(s.component()).isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind");
    assertThat(s.componentVersion()).isEqualTo("2.10.0");
    assertThat(s.timestamp()).hasToString("2021-10-26T00:00:00Z");
  }

  @Test
  void mitigatingControlMapsToInlineMitigationsAndKeepsTheOriginalWord() {
    VexStatement s = read("Use-Cases/Case-12/vex.json").statements().stream()
        .filter(x -> x.vulnerability().equals("CVE-2020-14195")).findFirst().orElseThrow();
    assertThat(s.justification()).contains(VexJustification.INLINE_MITIGATIONS_ALREADY_EXIST);
    assertThat(s.impact().orElseThrow()).endsWith("[CycloneDX justification: protected_by_mitigating_control]");
  }

  @Test
  void aStatementThatNamesNoComponentIsSkippedAndSaysWhy() {
    VexDocument doc = read("Use-Cases/Case-7/vex.json");
    assertThat(doc.statements()).isEmpty();
    assertThat(doc.skipped()).singleElement().hasToString(
        VexData.vexFolder().resolve("Use-Cases/Case-7/vex.json") + ": /vulnerabilities/0/affects: CVE-2020-25649 names no "
            + "component it applies to, so it cannot be keyed to one; add affects[].ref");
  }

  /** Every VEX example: one statement per affected ref and version, each with the state the file says. */
  @Test
  void everyVexExampleReadsIntoStatementsWithTheRightStates() throws Exception {
    List<Path> docs = VexData.vexDocuments();
    assertThat(docs).hasSize(25);
    Function<String, VexStatus> expected = state -> switch (state) {
      case "not_affected", "false_positive" -> VexStatus.NOT_AFFECTED;
      case "exploitable" -> VexStatus.AFFECTED;
      case "resolved", "resolved_with_pedigree" -> VexStatus.FIXED;
      default -> VexStatus.UNDER_INVESTIGATION;
    };
    int total = 0;
    for (Path file : docs) {
      JsonNode root = VexJson.MAPPER.readTree(Files.readAllBytes(file));
      // One statement per vulnerability entry, affected ref and listed version; a repeated line counts once.
      java.util.LinkedHashMap<String, VexStatus> want = new java.util.LinkedHashMap<>();
      int entry = 0;
      for (JsonNode v : root.path("vulnerabilities")) {
        entry++;
        for (JsonNode a : v.path("affects")) {
          List<String> versions = new java.util.ArrayList<>();
          a.path("versions").forEach(x -> versions.add(x.path("version").asText(x.path("range").asText())));
          if (versions.isEmpty()) {
            versions.add("");
          }
          for (String version : versions) {
            want.putIfAbsent(entry + "|" + a.path("ref").asText() + "|" + version,
                expected.apply(v.path("analysis").path("state").asText()));
          }
        }
      }
      VexDocument doc = reader.read(file, VexData.IMPORT);
      assertThat(doc.statements()).as(file.toString()).extracting(VexStatement::status).containsExactlyElementsOf(want.values());
      total += doc.statements().size();
    }
    assertThat(total).isEqualTo(195);
  }

  @Test
  void badDocumentsNameTheFileAndTheField() {
    Path file = Path.of("bad-vex.json");
    assertThatThrownBy(() -> reader.read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.4\",\"vulnerab"
        .getBytes(StandardCharsets.UTF_8), file.toString(), VexData.IMPORT))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("bad-vex.json:1:").hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> reader.read(("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.4\",\"version\":1,"
        + "\"vulnerabilities\":[{\"id\":\"CVE-2021-44228\",\"analysis\":{\"state\":\"maybe\"},\"affects\":[{\"ref\":\"x\"}]}]}")
        .getBytes(StandardCharsets.UTF_8), file.toString(), VexData.IMPORT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad-vex.json").hasMessageContaining("schema");
    assertThatThrownBy(() -> reader.read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.2\",\"version\":1}"
        .getBytes(StandardCharsets.UTF_8), file.toString(), VexData.IMPORT))
        .hasMessage("bad-vex.json: /specVersion: CycloneDX 1.2 has no VEX (vulnerabilities[].analysis); expected 1.4, 1.5 or 1.6");
    assertThatThrownBy(() -> reader.read(("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,"
        + "\"vulnerabilities\":[{\"id\":\"CVE-1\",\"analysis\":{\"state\":\"not_affected\"},\"affects\":[{\"ref\":\"x\"}]}]}")
        .getBytes(StandardCharsets.UTF_8), file.toString(), VexData.IMPORT))
        .hasMessageContaining("bad-vex.json: /vulnerabilities/0: a not-affected statement for CVE-1 in x gives a justification");
  }
}
