package io.vigie.formats.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vigie.core.sbom.Sbom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads an SBOM in any supported format, detected from the content rather than the file name (SBOM
 * file names follow no convention: {@code bom.json}, {@code sbom.spdx.json}, {@code *.cdx}…):
 * CycloneDX JSON or XML (by {@code bomFormat} or the root namespace), SPDX 2.2/2.3 JSON (by
 * {@code spdxVersion}) or SPDX 2.x tag-value (by its {@code SPDXVersion:} tag). SPDX 3.0 JSON-LD is
 * recognised and refused with a clear message.
 *
 * <p>Files over {@value Inputs#MAX_BYTES} bytes are refused before any byte is read. Every failure
 * is an {@link io.vigie.core.validation.InvalidInputException} naming the file. Thread-safe.
 */
public final class SbomReader {
  /** How much of a text file is searched for the SPDX tag-value header. */
  private static final int TAG_VALUE_SNIFF_BYTES = 64 * 1024;

  private static final JsonFactory JSON = new JsonFactory();

  private final CycloneDxReader cycloneDx = new CycloneDxReader();

  /**
   * The SPDX readers, made at the first SPDX document: their construction starts the SPDX library
   * (its model factory, its logging), about 15 ms of a cold start that a CycloneDX scan has no use
   * for. Both are stateless and thread-safe, so one of each serves every reader.
   */
  private static final class Spdx {
    static final SpdxJsonReader JSON = new SpdxJsonReader();
    static final SpdxTagValueReader TAG_VALUE = new SpdxTagValueReader();
  }

  /** Reads the SBOM in {@code file}. */
  public Sbom read(Path file) {
    return read(Inputs.readBounded(file), file.toString());
  }

  /** Reads an SBOM from bytes; {@code source} names it in problems and in the result. */
  public Sbom read(byte[] bytes, String source) {
    if (bytes.length > Inputs.MAX_BYTES) {
      throw Inputs.fail(source, "the content is larger than " + Inputs.MAX_BYTES / (1024 * 1024) + " MiB");
    }
    int first = firstSignificantByte(bytes);
    if (first < 0) {
      throw Inputs.fail(source, "the file is empty; expected an SBOM (CycloneDX or SPDX)");
    }
    if (first == '<') {
      return cycloneDx.read(bytes, source);
    }
    if (first == '{') {
      return switch (jsonKind(bytes)) {
        case "cyclonedx" -> cycloneDx.read(bytes, source);
        case "spdx" -> Spdx.JSON.read(bytes, source);
        case "spdx3" -> throw Inputs.fail(source, "an SPDX 3 (JSON-LD) document: not supported yet; "
            + "Vigie reads SPDX 2.2 and 2.3 (JSON or tag-value) and CycloneDX 1.0 to " + CycloneDxReader.NEWEST_SUPPORTED);
        default -> {
          Inputs.jsonTree(bytes, source); // reports a syntax error at its line and column, if any
          throw Inputs.fail(source, "a JSON document but not an SBOM: it has neither \"bomFormat\" (CycloneDX) nor "
              + "\"spdxVersion\" (SPDX)");
        }
      };
    }
    String head = new String(bytes, 0, Math.min(bytes.length, TAG_VALUE_SNIFF_BYTES), StandardCharsets.UTF_8);
    if (head.matches("(?s)(.*\\n)?\\s*SPDXVersion\\s*:.*")) {
      return Spdx.TAG_VALUE.read(bytes, source);
    }
    throw Inputs.fail(source, "not an SBOM: expected CycloneDX (JSON or XML) or SPDX 2.x (JSON or tag-value)");
  }

  /**
   * Which SBOM the top-level keys announce. Streams over the document, skipping every value, so it
   * costs a fraction of a parse; stops at the first decisive key or at a syntax error (then the
   * chosen reader, or the fallback, reports it with its position).
   */
  private static String jsonKind(byte[] bytes) {
    try (JsonParser p = JSON.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return "";
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "bomFormat":
            return "cyclonedx";
          case "spdxVersion":
            return "spdx";
          case "@context":
            if (value == JsonToken.VALUE_STRING && p.getText().contains("spdx")) {
              return "spdx3";
            }
            break;
          default:
            break;
        }
        p.skipChildren();
      }
    } catch (IOException e) {
      // a syntax error: fall through to the generic path, which locates it
    }
    return "";
  }

  /** The first byte that is not whitespace or a UTF-8 byte order mark, or -1. */
  static int firstSignificantByte(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    for (; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b & 0xFF;
      }
    }
    return -1;
  }
}
