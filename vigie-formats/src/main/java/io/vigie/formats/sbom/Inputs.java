package io.vigie.formats.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** What every SBOM reader shares: the size limit, bounded file reading, JSON syntax errors located. */
final class Inputs {
  /**
   * 512 MiB. The largest real SBOMs (container images, monorepos) are tens of MiB; a limit keeps a
   * wrong or hostile file from exhausting memory, since readers hold the document in memory.
   */
  static final long MAX_BYTES = 512L * 1024 * 1024;

  /** Jackson's default nesting limit is 1000; real SBOMs nest a dozen levels, 200 leaves room for nested components. */
  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
      .build()).build();

  private Inputs() {}

  /** Reads a whole file, refusing one over {@link #MAX_BYTES} before reading any of it. */
  static byte[] readBounded(Path file) {
    String source = file.toString();
    try {
      if (Files.isDirectory(file)) {
        throw fail(source, "is a folder; expected an SBOM file");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw fail(source, "the file is " + size / (1024 * 1024) + " MiB; an SBOM is read only up to "
            + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      // A FileInputStream, not Files.newInputStream: its bounded readNBytes reads the file in
      // one call sized by its length, where the channel stream copies 8 KiB at a time through a
      // direct buffer (about 10 ms for a 1.3 MB SBOM in a fresh JVM, against 4). Bounded still:
      // the file may grow between the size check and the read.
      try (InputStream in = new java.io.FileInputStream(file.toFile())) {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw fail(source, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      throw fail(source, "no such file");
    } catch (IOException e) {
      throw fail(source, "cannot be read: " + e.getMessage());
    }
  }

  /** Parses JSON into a tree; a syntax error (truncated file…) becomes a problem at its line and column. */
  static JsonNode jsonTree(byte[] bytes, String source) {
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || root.isMissingNode()) {
        throw fail(source, "the file is empty; expected an SBOM");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(0, at.getLineNr());
      int column = at == null ? 0 : Math.max(0, at.getColumnNr());
      throw new InvalidInputException(new Problem(source, line, column, "",
          "not valid JSON: " + e.getOriginalMessage(), Optional.empty()));
    } catch (IOException e) {
      throw fail(source, "cannot be read: " + e.getMessage());
    }
  }

  static InvalidInputException fail(String source, String message) {
    return new InvalidInputException(Problem.at("", message).located(source, 0, 0));
  }

  static InvalidInputException fail(String source, String field, String message) {
    return new InvalidInputException(Problem.at(field, message).located(source, 0, 0));
  }

  /** The text of a field, empty when absent, null or blank. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** Null-safe, blank-as-absent Optional for values from the format libraries. */
  static Optional<String> opt(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
