package io.vigie.formats.vuln;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One feed document parsed as a single JSON object, with the failures every feed reader reports
 * the same way: damaged JSON located by line and column, an empty file, or a value that is not an
 * object, each naming {@code location} (a path, or {@code zip!entry}).
 */
final class JsonDocument {
  private JsonDocument() {}

  /** {@code what} names the expected document in messages, such as "OSV" or "CSAF". */
  static JsonNode parseObject(ObjectMapper mapper, byte[] json, String location, String what) {
    try {
      JsonNode node = mapper.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw damaged(location, "empty file, expected one " + what + " JSON object");
      }
      if (!node.isObject()) {
        throw damaged(location, "expected one " + what + " JSON object, found " + node.getNodeType());
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(0, at.getLineNr());
      int column = at == null ? 0 : Math.max(0, at.getColumnNr());
      throw new InvalidInputException(
          Problem.at("", "damaged JSON: " + e.getOriginalMessage()).located(location, line, column));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InvalidInputException damaged(String location, String message) {
    return new InvalidInputException(Problem.at("", message).located(location, 0, 0));
  }
}
