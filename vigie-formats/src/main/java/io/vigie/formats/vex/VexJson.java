package io.vigie.formats.vex;

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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What the VEX readers share: bounded reading, JSON errors located, fields named by JSON pointer. */
final class VexJson {
  /** 64 MiB: real VEX documents are kilobytes to a few MiB; the limit keeps a hostile file out of memory. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build()).build()).build();

  private VexJson() {}

  static byte[] read(Path file) {
    String source = file.toString();
    try {
      if (Files.isDirectory(file)) {
        throw fail(source, "", "is a folder; expected a VEX document");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw fail(source, "", "the file is " + Files.size(file) + " bytes; a VEX document is read only up to "
            + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      // FileInputStream: its bounded readNBytes reads in one call sized by the file (see the SBOM
      // reader's Inputs). Bounded: the file may grow between the size check and the read.
      try (InputStream in = new java.io.FileInputStream(file.toFile())) {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw fail(source, "", "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      throw fail(source, "", "no such file");
    } catch (IOException e) {
      throw fail(source, "", "cannot be read: " + e.getMessage());
    }
  }

  static JsonNode tree(byte[] bytes, String source) {
    try {
      JsonNode root = MAPPER.readTree(bytes);
      if (root == null || root.isMissingNode()) {
        throw fail(source, "", "the file is empty; expected a VEX document");
      }
      if (!root.isObject()) {
        throw fail(source, "", "expected a JSON object, found " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InvalidInputException(new Problem(source, at == null ? 0 : Math.max(0, at.getLineNr()),
          at == null ? 0 : Math.max(0, at.getColumnNr()), "", "not valid JSON: " + e.getOriginalMessage(),
          Optional.empty()));
    } catch (IOException e) {
      throw fail(source, "", "cannot be read: " + e.getMessage());
    }
  }

  static InvalidInputException fail(String source, String field, String message) {
    return new InvalidInputException(Problem.at(field, message).located(source, 0, 0));
  }

  static Problem problem(String source, String field, String message) {
    return Problem.at(field, message).located(source, 0, 0);
  }

  /** The text of a field, empty when absent, null, not text or blank. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText().trim()) : Optional.empty();
  }

  /** The text of a required field, or an error naming the file and the JSON pointer. */
  static String required(JsonNode node, String field, String source, String pointer) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw fail(source, pointer + "/" + field, "missing");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw fail(source, pointer + "/" + field, "expected a non-empty string, found " + v);
    }
    return v.asText().trim();
  }

  static Optional<Instant> instant(JsonNode node, String field, String source, String pointer) {
    Optional<String> text = text(node, field);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
    } catch (DateTimeParseException e) {
      throw fail(source, pointer + "/" + field, "expected an RFC 3339 date-time such as 2026-11-29T10:00:00Z, found '"
          + text.get() + "'");
    }
  }
}
