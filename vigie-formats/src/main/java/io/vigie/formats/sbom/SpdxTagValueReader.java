package io.vigie.formats.sbom;

import io.vigie.core.sbom.Sbom;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.storage.simple.InMemSpdxStore;
import org.spdx.tagvaluestore.TagValueStore;

/**
 * Reads SPDX 2.2 and 2.3 tag-value documents ({@code *.spdx}) with the official
 * spdx-tagvalue-store (a small parser over java-spdx-library, nothing else), then checks them with
 * the library's verifier. The version tag is checked first so that an unsupported version gets a
 * clear message with its line. Thread-safe.
 */
public final class SpdxTagValueReader {
  private static final Pattern VERSION = Pattern.compile("(?m)^\\s*SPDXVersion\\s*:\\s*(\\S+)");

  public SpdxTagValueReader() {
    SpdxModelFactory.init();
  }

  public Sbom read(Path file) {
    return read(Inputs.readBounded(file), file.toString());
  }

  public Sbom read(byte[] bytes, String source) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Matcher m = VERSION.matcher(text);
    if (!m.find()) {
      throw Inputs.fail(source, "SPDXVersion", "missing; an SPDX tag-value document starts with 'SPDXVersion: SPDX-2.3'");
    }
    String version = m.group(1);
    if (!SpdxJsonReader.SUPPORTED.contains(version)) {
      int line = (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
      throw new io.vigie.core.validation.InvalidInputException(io.vigie.core.validation.Problem.at("SPDXVersion",
          "'" + version + "' is not supported; expected SPDX-2.2 or SPDX-2.3").located(source, line, 0));
    }
    InMemSpdxStore store = new InMemSpdxStore();
    try {
      SpdxDocument doc = new TagValueStore(store).deSerialize(new ByteArrayInputStream(bytes), false);
      return SpdxMapping.toSbom(doc, store, source);
    } catch (InvalidSPDXAnalysisException | IOException | RuntimeException e) {
      throw Inputs.fail(source, "not a valid " + version + " tag-value document: " + e.getMessage());
    }
  }
}
