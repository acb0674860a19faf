package io.vigie.formats.vex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.vex.VexStatement;
import io.vigie.core.vex.VexStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * Every CycloneDX VEX example read, written in each of the three formats, and read again: every
 * statement survives (vulnerability, component, version assessed, status, justification, impact
 * and action statements), and every written document is valid for its format.
 */
class VexRoundTripTest {
  static final VexExport EXPORT = new VexExport("ABC", "4.2", "Example Company PSIRT", Instant.parse("2026-11-29T10:00:00Z"));

  record Key(String vulnerability, String component, String version, VexStatus status, String justification,
      String impact, String action) {
    static Key of(VexStatement s, boolean csaf) {
      String action = s.action().orElse("");
      if (csaf && s.status() == VexStatus.AFFECTED && action.equals("No action statement was recorded.")) {
        action = "";
      }
      return new Key(s.vulnerability(), s.component(), s.componentVersion(), s.status(),
          s.justification().map(Enum::name).orElse(""), s.impact().orElse(""), action);
    }
  }

  static List<Key> keys(List<VexStatement> statements, boolean csaf) {
    return statements.stream().map(s -> Key.of(s, csaf)).toList();
  }

  @Test
  void cycloneDxRoundTripKeepsEveryStatementAndWritesSchemaValid16() throws Exception {
    int statements = 0;
    for (Path file : VexData.vexDocuments()) {
      List<VexStatement> original = new CycloneDxVexReader().read(file, VexData.IMPORT).statements();
      String written = new CycloneDxVexWriter().write(original, EXPORT);
      assertThat(new JsonParser().validate(written.getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
          .as("schema errors of the CycloneDX written from " + file).isEmpty();
      List<VexStatement> again = new CycloneDxVexReader().read(written.getBytes(StandardCharsets.UTF_8), "out.cdx.json",
          VexData.IMPORT).statements();
      assertThat(keys(again, false)).as(file.toString()).containsExactlyInAnyOrderElementsOf(keys(original, false));
      // Who decided survives through the vigie:vex:author property.
      assertThat(again).extracting(VexStatement::author).containsExactlyInAnyOrderElementsOf(
          original.stream().map(VexStatement::author).toList());
      statements += original.size();
    }
    assertThat(statements).isEqualTo(195);
  }

  @Test
  void openVexRoundTripKeepsEveryStatementAndWritesTheRequiredFields() throws Exception {
    for (Path file : VexData.vexDocuments()) {
      List<VexStatement> original = new CycloneDxVexReader().read(file, VexData.IMPORT).statements();
      String written = new OpenVexWriter().write(original, EXPORT);
      JsonNode root = VexJson.MAPPER.readTree(written);
      assertThat(root.path("@context").asText()).isEqualTo("https://openvex.dev/ns/v0.2.0");
      for (String field : List.of("@id", "author", "timestamp")) {
        assertThat(root.path(field).asText()).as(field).isNotBlank();
      }
      assertThat(root.path("version").asInt()).isEqualTo(1);
      for (JsonNode s : root.path("statements")) {
        assertThat(s.path("vulnerability").path("name").asText()).isNotBlank();
        assertThat(s.path("products").get(0).path("@id").asText()).isNotBlank();
        assertThat(s.path("status").asText()).isIn("not_affected", "affected", "fixed", "under_investigation");
        if (s.path("status").asText().equals("not_affected")) {
          assertThat(s.has("justification") || s.has("impact_statement")).isTrue();
        }
      }
      List<VexStatement> again = new OpenVexReader().read(written.getBytes(StandardCharsets.UTF_8), "out.openvex.json",
          VexData.IMPORT).statements();
      assertThat(keys(again, false)).as(file.toString()).containsExactlyInAnyOrderElementsOf(keys(original, false));
    }
  }

  @Test
  void csafRoundTripKeepsEveryStatementAndMeetsTheCsafVexProfile() throws Exception {
    for (Path file : VexData.vexDocuments()) {
      List<VexStatement> original = new CycloneDxVexReader().read(file, VexData.IMPORT).statements();
      String written = new CsafVexWriter().write(original, EXPORT);
      assertThat(CsafVexProfile.problems(VexJson.MAPPER.readTree(written))).as(file.toString()).isEmpty();
      List<VexStatement> again = new CsafVexReader().read(written.getBytes(StandardCharsets.UTF_8), "out.csaf.json",
          VexData.IMPORT).statements();
      assertThat(keys(again, true)).as(file.toString()).containsExactlyInAnyOrderElementsOf(keys(original, true));
      assertThat(again).allSatisfy(s -> assertThat(s.author()).isEqualTo("Example Company PSIRT"));
    }
  }

  @Test
  void writingIsDeterministic() {
    List<VexStatement> statements = new CycloneDxVexReader().read(VexData.vexFolder().resolve("CISA-Use-Cases/Case-3/vex.json"),
        VexData.IMPORT).statements();
    assertThat(new CycloneDxVexWriter().write(statements, EXPORT)).isEqualTo(new CycloneDxVexWriter().write(statements, EXPORT));
    assertThat(new OpenVexWriter().write(statements, EXPORT)).isEqualTo(new OpenVexWriter().write(statements, EXPORT));
  }

  /** The CSAF 2.0 csaf_vex profile's mandatory parts (section 4.5 and tests 6.1.27.x), checked structurally. */
  static final class CsafVexProfile {
    static List<String> problems(JsonNode root) {
      List<String> out = new ArrayList<>();
      JsonNode doc = root.path("document");
      expect(out, doc.path("category").asText().equals("csaf_vex"), "/document/category is csaf_vex");
      expect(out, doc.path("csaf_version").asText().equals("2.0"), "/document/csaf_version is 2.0");
      expect(out, doc.path("title").asText().length() > 0, "/document/title");
      for (String f : List.of("category", "name", "namespace")) {
        expect(out, doc.path("publisher").path(f).asText().length() > 0, "/document/publisher/" + f);
      }
      JsonNode tracking = doc.path("tracking");
      for (String f : List.of("current_release_date", "id", "initial_release_date", "status", "version")) {
        expect(out, tracking.path(f).asText().length() > 0, "/document/tracking/" + f);
      }
      expect(out, tracking.path("revision_history").size() > 0, "/document/tracking/revision_history");
      boolean notes = false;
      for (JsonNode n : doc.path("notes")) {
        notes |= List.of("description", "details", "general", "summary").contains(n.path("category").asText());
      }
      expect(out, notes, "6.1.27.1: document notes of category description, details, general or summary");
      expect(out, root.path("product_tree").isObject(), "6.1.27.5: /product_tree");
      List<String> known = new ArrayList<>();
      root.path("product_tree").findValues("product_id").forEach(x -> known.add(x.asText()));
      for (JsonNode v : root.path("vulnerabilities")) {
        expect(out, v.has("cve") || v.path("ids").size() > 0, "6.1.27.7: cve or ids");
        expect(out, v.path("notes").size() > 0, "6.1.27.6: vulnerability notes");
        JsonNode status = v.path("product_status");
        expect(out, status.has("fixed") || status.has("known_affected") || status.has("known_not_affected")
            || status.has("under_investigation"), "6.1.27.8: product_status");
        status.fields().forEachRemaining(e -> e.getValue().forEach(p -> expect(out, known.contains(p.asText()),
            "6.1.1: product " + p.asText() + " defined")));
        for (JsonNode p : status.path("known_not_affected")) {
          boolean impact = v.path("flags").findValues("product_ids").stream().anyMatch(l -> contains(l, p.asText()))
              || stream(v.path("threats")).anyMatch(t -> t.path("category").asText().equals("impact")
                  && contains(t.path("product_ids"), p.asText()));
          expect(out, impact, "6.1.27.9: impact statement for " + p.asText());
        }
        for (JsonNode p : status.path("known_affected")) {
          expect(out, v.path("remediations").findValues("product_ids").stream().anyMatch(l -> contains(l, p.asText())),
              "6.1.27.10: action statement for " + p.asText());
        }
      }
      return out;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
      return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static boolean contains(JsonNode list, String id) {
      return stream(list).anyMatch(x -> x.asText().equals(id));
    }

    private static void expect(List<String> out, boolean ok, String what) {
      if (!ok) {
        out.add(what);
      }
    }
  }
}
