package io.vigie.formats.threatdragon;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.model.ModelValidator;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.validation.Suggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports an OWASP Threat Dragon v2 model (JSON) as a Vigie {@link ThreatDragonImport}: processes
 * and stores become components, actors become actors plus the components that stand for them in
 * flows, data flows become flows, trust boundary boxes become zones, and the threats written on
 * each element become manual threats. What Threat Dragon does not record (component kinds, zone
 * trust, flow authentication) is guessed or set to the safe-for-review value, and said in the notes;
 * docs/threat-dragon.md lists every rule.
 *
 * <p>Version 1 models, Open Threat Model and TM-BOM files are refused with a message saying so;
 * malformed input throws {@link InvalidInputException} with every problem found, each naming the
 * file and the JSON path. Stateless and thread-safe; no I/O except {@link #read(Path)}.
 */
public final class ThreatDragonImporter {
  private final ObjectMapper json = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads and imports {@code file}; the file's path names it in every problem. */
  public ThreatDragonImport read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(Problem.at("", "cannot read the file: " + e.getMessage())
          .located(file.toString(), 0, 0));
    }
    return read(file.toString(), text);
  }

  /** Imports the Threat Dragon JSON {@code text}; {@code source} names it in problems and notes. */
  public ThreatDragonImport read(String source, String text) {
    JsonNode root = parse(source, text);
    checkFormat(source, root);
    ThreatDragonImport result = new Conversion(source, root).run();
    List<Problem> problems = ModelValidator.validate(result.model());
    if (!problems.isEmpty()) {
      // The conversion makes IDs and references itself: an invalid result is our bug, not the user's.
      throw new IllegalStateException("Threat Dragon import of " + source
          + " built an invalid model: " + problems);
    }
    return result;
  }

  private JsonNode parse(String source, String text) {
    try {
      JsonNode root = json.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw invalid(source, "", "the file is empty; expected a Threat Dragon v2 model (a JSON object)");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(0, at.getLineNr());
      int column = at == null ? 0 : Math.max(0, at.getColumnNr());
      throw new InvalidInputException(Problem.at("", "not valid JSON: " + e.getOriginalMessage())
          .located(source, line, column));
    }
  }

  /** Refuses what is not a Threat Dragon v2 model, with a message saying what it is instead. */
  private static void checkFormat(String source, JsonNode root) {
    if (!root.isObject()) {
      throw invalid(source, "", "expected a JSON object (a Threat Dragon v2 model), found "
          + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (root.has("otmVersion")) {
      throw invalid(source, "otmVersion", "this is an Open Threat Model (OTM) file, not a Threat"
          + " Dragon model; only Threat Dragon v2 models are supported");
    }
    if (root.has("bomFormat") || root.has("scope") && !root.has("detail")) {
      throw invalid(source, "", "this is a threat-model BOM (TM-BOM / CycloneDX) file, not a Threat"
          + " Dragon model; only Threat Dragon v2 models are supported");
    }
    String version = root.path("version").asText("");
    if (version.startsWith("1.") || isV1Layout(root)) {
      throw invalid(source, "version", "this is a Threat Dragon v1 model"
          + (version.isEmpty() ? "" : " (version " + version + ")")
          + "; only Threat Dragon v2 models are supported: open it in Threat Dragon 2, which"
          + " converts it, and save it again");
    }
    List<Problem> problems = new ArrayList<>();
    JsonNode detail = root.get("detail");
    if (detail == null) {
      Problem p = Problem.at("detail", "missing; a Threat Dragon v2 model has detail.diagrams");
      problems.add(located(source, suggest(p, root)));
    } else if (!detail.isObject()) {
      problems.add(located(source, Problem.at("detail", "expected an object holding diagrams")));
    } else if (!detail.has("diagrams")) {
      Problem p = Problem.at("detail.diagrams", "missing; a Threat Dragon v2 model lists its diagrams here");
      problems.add(located(source, suggest(p, detail)));
    } else if (!detail.get("diagrams").isArray()) {
      problems.add(located(source, Problem.at("detail.diagrams", "expected an array of diagrams")));
    } else {
      JsonNode diagrams = detail.get("diagrams");
      for (int i = 0; i < diagrams.size(); i++) {
        JsonNode diagram = diagrams.get(i);
        String path = "detail.diagrams[" + i + "]";
        if (!diagram.isObject()) {
          problems.add(located(source, Problem.at(path, "expected a diagram object")));
        } else if (!diagram.path("cells").isArray()) {
          problems.add(located(source, Problem.at(path + ".cells", "expected an array of cells")));
        } else {
          checkCells(source, path, diagram.get("cells"), problems);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static void checkCells(String source, String path, JsonNode cells, List<Problem> problems) {
    for (int j = 0; j < cells.size(); j++) {
      JsonNode cell = cells.get(j);
      String at = path + ".cells[" + j + "]";
      if (!cell.isObject()) {
        problems.add(located(source, Problem.at(at, "expected a cell object")));
      } else if (cell.has("data") && !cell.get("data").isObject()) {
        problems.add(located(source, Problem.at(at + ".data", "expected an object")));
      } else if (cell.path("data").has("threats") && !cell.path("data").get("threats").isArray()
          && !cell.path("data").get("threats").isNull()) {
        problems.add(located(source, Problem.at(at + ".data.threats", "expected an array of threats")));
      }
    }
  }

  /** v1 diagrams hold a {@code diagramJson} (or nothing, when never opened) instead of cells. */
  private static boolean isV1Layout(JsonNode root) {
    JsonNode diagrams = root.path("detail").path("diagrams");
    if (!diagrams.isArray()) {
      return false;
    }
    for (JsonNode d : diagrams) {
      if (d.has("diagramJson") || !root.has("version") && d.isObject() && !d.has("cells")) {
        return true;
      }
    }
    return false;
  }

  private static Problem suggest(Problem p, JsonNode parent) {
    String wanted = p.field().substring(p.field().lastIndexOf('.') + 1);
    List<String> keys = new ArrayList<>();
    parent.fieldNames().forEachRemaining(keys::add);
    return Suggestions.closest(wanted, keys).filter(k -> !k.equals(wanted))
        .map(k -> p.withSuggestion(k)).orElse(p);
  }

  private static Problem located(String source, Problem p) {
    // The tree model keeps no positions; the JSON path locates the field.
    return p.located(source, 0, 0);
  }

  private static InvalidInputException invalid(String source, String field, String message) {
    return new InvalidInputException(located(source, Problem.at(field, message)));
  }
}
