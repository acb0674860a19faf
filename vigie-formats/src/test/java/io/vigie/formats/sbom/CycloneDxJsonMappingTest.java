package io.vigie.formats.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.validation.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * The tree mapping must give exactly what cyclonedx-core-java's object model gave through {@link
 * CycloneDxMapping}, on every CycloneDX JSON document of the shared data: the specification's
 * valid conformance documents of 1.4–1.6 and the real SBOMs (examples, medical-device case study).
 * The library stays the oracle, so a field the tree mapping reads differently fails here first.
 */
class CycloneDxJsonMappingTest {

  private record Doc(String name, byte[] bytes) {}

  @Test
  void agreesWithTheLibrarysObjectModelOnEveryCycloneDxJsonDocumentOfTheSharedData() throws IOException {
    List<Doc> docs = new ArrayList<>(conformanceDocuments());
    docs.addAll(realSboms());
    int compared = 0;
    int components = 0;
    List<String> differences = new ArrayList<>();
    for (Doc d : docs) {
      JsonNode root = Inputs.jsonTree(d.bytes(), d.name());
      String spec = root.path("specVersion").asText();
      Object expected;
      try {
        expected = viaLibrary(d.bytes(), root, spec, d.name());
      } catch (ParseException | IOException e) {
        continue; // the reader refuses these before mapping (schema), as the conformance test shows
      }
      Object actual = outcome(() -> CycloneDxJsonMapping.toSbom(root, spec, d.name()));
      compared++;
      if (actual instanceof Sbom s) {
        components += s.components().size();
      }
      if (!actual.equals(expected)) {
        differences.add(d.name() + ": " + firstDifference(expected, actual));
      }
    }
    assertThat(differences).isEmpty();
    // Measured on the shared data: every document compared, among them the large real SBOMs.
    assertThat(compared).isGreaterThan(150);
    assertThat(components).isGreaterThan(5_000);
  }

  /**
   * What CycloneDxReader did before the tree mapping: the library's model, the timestamp from the
   * tree. One deliberate difference: the library's Metadata stamps itself with the time of the
   * parse when the document has no timestamp, which the old path reported as the SBOM's own; the
   * tree mapping reports none, so the oracle drops that invented one.
   */
  private static Object viaLibrary(byte[] bytes, JsonNode root, String spec, String source)
      throws ParseException, IOException {
    org.cyclonedx.model.Bom bom = new JsonParser().parse(bytes);
    JsonNode stamp = root.path("metadata").get("timestamp");
    if ((stamp == null || !stamp.isTextual()) && bom.getMetadata() != null) {
      bom.getMetadata().setTimestamp(null);
    }
    Optional<Instant> timestamp = Optional.ofNullable(stamp)
        .filter(JsonNode::isTextual).map(JsonNode::asText).flatMap(CycloneDxJsonMappingTest::instant);
    return outcome(() -> CycloneDxMapping.toSbom(bom, spec, source, timestamp));
  }

  /** The first field (and component) where the two outcomes differ, short enough to read. */
  private static String firstDifference(Object expected, Object actual) {
    if (expected instanceof Sbom e && actual instanceof Sbom a) {
      for (java.lang.reflect.RecordComponent rc : Sbom.class.getRecordComponents()) {
        try {
          Object x = rc.getAccessor().invoke(e);
          Object y = rc.getAccessor().invoke(a);
          if (x instanceof List<?> lx && y instanceof List<?> ly && lx.size() == ly.size()) {
            for (int i = 0; i < lx.size(); i++) {
              if (!lx.get(i).equals(ly.get(i))) {
                return rc.getName() + "[" + i + "] library " + lx.get(i) + " / tree " + ly.get(i);
              }
            }
          }
          if (!java.util.Objects.equals(x, y)) {
            return rc.getName() + ": library " + x + " / tree " + y;
          }
        } catch (ReflectiveOperationException ex) {
          throw new AssertionError(ex);
        }
      }
    }
    return "library " + expected + " / tree " + actual;
  }

  /** The SBOM, or the problems the mapping reports (a bad package URL): both paths must agree on either. */
  private static Object outcome(java.util.function.Supplier<Sbom> mapping) {
    try {
      return mapping.get();
    } catch (InvalidInputException e) {
      return e.problems();
    }
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static List<Doc> conformanceDocuments() throws IOException {
    List<Doc> out = new ArrayList<>();
    Path zipFile = SbomData.file("cyclonedx-spec-testdata/cyclonedx-test-resources-1.4-1.7.zip");
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        String n = e.getName();
        if (!e.isDirectory() && n.endsWith(".json") && n.contains("/valid-") && !n.startsWith("1.7")) {
          out.add(new Doc(n, zip.getInputStream(e).readAllBytes()));
        }
      }
    }
    return out;
  }

  private static List<Doc> realSboms() throws IOException {
    List<Doc> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(SbomData.root())) {
      for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(p);
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        if (head.contains("\"bomFormat\"") && head.contains("CycloneDX") && !head.contains("\"specVersion\": \"1.7\"")) {
          out.add(new Doc(SbomData.root().relativize(p).toString(), bytes));
        }
      }
    }
    return out;
  }
}
