package io.vigie.formats.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.sbom.Sbom;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * Reads SPDX 2.2 and 2.3 JSON with the official java-spdx-library and its Jackson store (light:
 * no Jena, no POI), then checks the document with the library's own verifier, refusing one that
 * does not follow the specification. Jackson parses the file first so that a syntax error is
 * reported at its line and column and a wrong {@code spdxVersion} by its JSON pointer; the SPDX
 * library reports neither. Each read uses a fresh in-memory store. Thread-safe.
 */
public final class SpdxJsonReader {
  /** The SPDX versions whose JSON form java-spdx-library 2.0.4 reads. */
  public static final Set<String> SUPPORTED = Set.of("SPDX-2.2", "SPDX-2.3");

  public SpdxJsonReader() {
    SpdxModelFactory.init();
  }

  public Sbom read(Path file) {
    return read(Inputs.readBounded(file), file.toString());
  }

  public Sbom read(byte[] bytes, String source) {
    JsonNode root = Inputs.jsonTree(bytes, source);
    String version = Inputs.text(root, "spdxVersion")
        .orElseThrow(() -> Inputs.fail(source, "/spdxVersion", "missing; expected SPDX-2.2 or SPDX-2.3"));
    if (!SUPPORTED.contains(version)) {
      throw Inputs.fail(source, "/spdxVersion", "'" + version + "' is not supported; expected SPDX-2.2 or SPDX-2.3");
    }
    InMemSpdxStore store = new InMemSpdxStore();
    try {
      SpdxDocument doc = new MultiFormatStore(store, MultiFormatStore.Format.JSON)
          .deSerialize(new ByteArrayInputStream(bytes), false);
      return SpdxMapping.toSbom(doc, store, source);
    } catch (InvalidSPDXAnalysisException | IOException | RuntimeException e) {
      // The library signals bad content with unchecked exceptions too (ClassCast, IllegalArgument).
      throw Inputs.fail(source, "not a valid " + version + " JSON document: " + e.getMessage());
    }
  }
}
