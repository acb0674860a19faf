package io.vigie.formats.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where SARIF points for a component: the first place its package URL stands whole in the SBOM. */
class SbomLinesTest {

  @Test
  void aJsonSbomPointsAtThePurlValueWithUtf16Columns() {
    String text = """
        {
          "components": [ {
            "name": "crème",
            "purl": "pkg:npm/cr%C3%A8me@1.0.0"
          } ]
        }
        """;
    assertThat(new SbomLines(text).find("pkg:npm/cr%C3%A8me@1.0.0"))
        .contains(new SbomLines.Region(4, 14, 4, 14 + "pkg:npm/cr%C3%A8me@1.0.0".length()));
  }

  @Test
  void theQuotedValueWinsOverAnEarlierMentionInProse() {
    String text = """
        {"description": "replaces pkg:npm/a@1.0.0 entirely",
         "components": [{"purl": "pkg:npm/a@1.0.0"}]}
        """;
    assertThat(new SbomLines(text).find("pkg:npm/a@1.0.0")).map(SbomLines.Region::startLine).contains(2);
  }

  @Test
  void aPurlIsNeverFoundInsideALongerOne() {
    // The old search by substring pointed pkg:npm/a@1.0 at a@1.0.0's line.
    String text = """
        <components>
          <component><purl>pkg:npm/a@1.0.0</purl></component>
          <component><purl>pkg:npm/a@1.0</purl></component>
          <component><purl>pkg:npm/a@1.0.0?arch=x64</purl></component>
        </components>
        """;
    SbomLines lines = new SbomLines(text);
    assertThat(lines.find("pkg:npm/a@1.0")).map(SbomLines.Region::startLine).contains(3);
    assertThat(lines.find("pkg:npm/a@1.0.0")).map(SbomLines.Region::startLine).contains(2);
    assertThat(lines.find("pkg:npm/a@1.0.0?arch=x64")).map(SbomLines.Region::startLine).contains(4);
    assertThat(lines.find("pkg:npm/a@1")).isEmpty();
  }

  @Test
  void aTagValueSbomPointsAtTheExternalRefWord() {
    String text = "SPDXVersion: SPDX-2.3\r\n"
        + "PackageName: left-pad\r\n"
        + "ExternalRef: PACKAGE-MANAGER purl pkg:npm/left-pad@1.3.0\r\n"
        + "ExternalRef: PACKAGE-MANAGER purl pkg:npm/right-pad@1.0.0";
    SbomLines lines = new SbomLines(text);
    assertThat(lines.find("pkg:npm/left-pad@1.3.0")).contains(new SbomLines.Region(3, 35, 3, 57));
    assertThat(lines.find("pkg:npm/right-pad@1.0.0")).map(SbomLines.Region::startLine).contains(4);
  }

  @Test
  void whatTheTextDoesNotHoldAsWrittenIsNotFound() {
    String text = "{\"purl\": \"pkg:maven\\/org.example\\/lib@1.0\", \"x\": \"pkg:npm/b@1&amp;c\"}";
    SbomLines lines = new SbomLines(text);
    assertThat(lines.find("pkg:maven/org.example/lib@1.0")).isEmpty();
    assertThat(lines.find("")).isEmpty();
    assertThat(lines.find("pkg:npm/nowhere@1")).isEmpty();
    assertThat(new SbomLines("").find("pkg:npm/a@1")).isEmpty();
  }

  @Test
  void everyComponentOfARealSbomIsFoundOnTheLineOfItsPurl() throws Exception {
    Path bom = SharedData.folder().resolve("sbom/cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json");
    String text = Files.readString(bom);
    List<String> lines = text.lines().toList();
    List<String> purls = lines.stream().filter(l -> l.contains("\"purl\"")).map(l -> l.replaceAll(".*\"purl\"\\s*:\\s*\"([^\"]+)\".*", "$1"))
        .toList();
    assertThat(purls).hasSizeGreaterThan(100);
    SbomLines index = new SbomLines(text);
    for (String purl : purls) {
      Optional<SbomLines.Region> region = index.find(purl);
      assertThat(region).as(purl).isPresent();
      String line = lines.get(region.get().startLine() - 1);
      assertThat(line.substring(region.get().startColumn() - 1, region.get().endColumn() - 1)).isEqualTo(purl);
      assertThat(text.indexOf(purl)).as("the first place it stands whole: here, the first place at all")
          .isEqualTo(offset(text, region.get()));
    }
  }

  /** The region's place in the text (this file ends its lines with CR LF). */
  private static int offset(String text, SbomLines.Region r) {
    int at = 0;
    for (int i = 0; i < r.startLine() - 1; i++) {
      at = text.indexOf('\n', at) + 1;
    }
    return at + r.startColumn() - 1;
  }
}
