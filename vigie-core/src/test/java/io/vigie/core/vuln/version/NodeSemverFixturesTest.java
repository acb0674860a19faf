package io.vigie.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** node-semver's own comparison, equality and validity fixtures, read as npm versions. */
class NodeSemverFixturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final VersionScheme npm = VersionSchemes.NPM;

  private static JsonNode fixture(String name) throws IOException {
    Path dir = SharedData.dir("version-ranges/node-semver");
    return JSON.readTree(dir.resolve(name).toFile());
  }

  @Test
  void firstOfEachPairIsGreater() throws IOException {
    int n = 0;
    for (JsonNode t : fixture("comparisons.json")) {
      String greater = t.get(0).asText();
      String lesser = t.get(1).asText();
      assertThat(npm.compare(greater, lesser)).as("%s > %s", greater, lesser).isPositive();
      assertThat(npm.compare(lesser, greater)).as("%s < %s", lesser, greater).isNegative();
      n++;
    }
    System.out.println("node-semver comparisons.json: " + n + " passed");
  }

  @Test
  void pairsAreEquivalent() throws IOException {
    int n = 0;
    for (JsonNode t : fixture("equality.json")) {
      assertThat(npm.compare(t.get(0).asText(), t.get(1).asText())).as(t.toString()).isZero();
      n++;
    }
    System.out.println("node-semver equality.json: " + n + " passed");
  }

  @Test
  void validVersionsParse() throws IOException {
    int n = 0;
    for (JsonNode t : fixture("valid-versions.json")) {
      SemanticVersion v = (SemanticVersion) npm.parse(t.get(0).asText());
      assertThat(v.isPrerelease()).as(t.toString()).isEqualTo(!t.get(4).isEmpty());
      n++;
    }
    System.out.println("node-semver valid-versions.json: " + n + " passed");
  }

  @Test
  void invalidVersionsAreRefused() throws IOException {
    int n = 0;
    for (JsonNode t : fixture("invalid-versions.json")) {
      if (!t.get(0).isTextual()) {
        continue; // JavaScript objects standing in for strings: not expressible in Java
      }
      assertThat(npm.isValid(t.get(0).asText())).as(t.get(1).asText()).isFalse();
      n++;
    }
    System.out.println("node-semver invalid-versions.json: " + n + " refused as expected");
  }
}
