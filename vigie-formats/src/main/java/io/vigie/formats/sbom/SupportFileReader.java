package io.vigie.formats.sbom;

import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.sbom.SupportInfo;
import io.vigie.core.sbom.SupportLevel;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the support side file: the FDA's level of support and end-of-support date per component
 * (V.A.4(b)(E)(F)), which SBOM formats do not carry in practice. The file is YAML, reviewed with
 * the device model:
 *
 * <pre>
 * components:
 *   - purl: pkg:github/wolfssl/wolfssl@4.8.1
 *     support: supported            # supported | maintenance | end-of-life | unknown
 *     endOfSupport: 2028-12-31      # optional
 *   - name: FatFs
 *     version: 0.13c                # optional with name
 *     support: end-of-life
 * </pre>
 *
 * <p>The result is keyed by package URL or {@code name@version} (the bare name without a version),
 * the keys {@link io.vigie.core.sbom.SbomCompleteness} looks components up by. Strict: unknown
 * keys, a missing or unknown support level, a bad date, a component named twice — every problem is
 * reported at once with its line and column. Thread-safe.
 */
public final class SupportFileReader {
  /** 8 MiB: a line per component, far more than any device has. */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  /** The file is three levels deep; more is a mistake or hostile (snakeyaml's composer recurses). */
  private static final int MAX_DEPTH = 8;

  private static final Set<String> ENTRY_KEYS = Set.of("purl", "name", "version", "support", "endOfSupport");

  public Map<String, SupportInfo> read(Path file) {
    String source = file.toString();
    byte[] bytes = Inputs.readBounded(file);
    if (bytes.length > MAX_BYTES) {
      throw Inputs.fail(source, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; a support file is at most that");
    }
    return read(new String(bytes, StandardCharsets.UTF_8), source);
  }

  public Map<String, SupportInfo> read(String text, String source) {
    Node root = compose(text, source);
    List<Problem> problems = new ArrayList<>();
    Map<String, SupportInfo> out = new LinkedHashMap<>();
    if (!(root instanceof MappingNode top)) {
      throw new InvalidInputException(at(source, root, "", "expected a mapping with a 'components' list"));
    }
    Node list = null;
    for (NodeTuple t : top.getValue()) {
      String key = scalar(t.getKeyNode()).orElse("");
      if (key.equals("components")) {
        list = t.getValueNode();
      } else {
        problems.add(at(source, t.getKeyNode(), key, "unknown key; a support file has only 'components'"));
      }
    }
    if (list == null) {
      problems.add(at(source, root, "components", "missing; expected a list of components"));
    } else if (!(list instanceof SequenceNode seq)) {
      problems.add(at(source, list, "components", "expected a list"));
    } else {
      for (int i = 0; i < seq.getValue().size(); i++) {
        entry(seq.getValue().get(i), "components[" + i + "]", source, problems, out);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return Map.copyOf(out);
  }

  private static void entry(Node node, String path, String source, List<Problem> problems, Map<String, SupportInfo> out) {
    if (!(node instanceof MappingNode map)) {
      problems.add(at(source, node, path, "expected a mapping with purl or name, and support"));
      return;
    }
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      Optional<String> key = scalar(t.getKeyNode());
      if (key.isEmpty() || !ENTRY_KEYS.contains(key.get())) {
        problems.add(at(source, t.getKeyNode(), path + "." + key.orElse("?"),
            "unknown key; expected one of purl, name, version, support, endOfSupport"));
      } else if (!(t.getValueNode() instanceof ScalarNode)) {
        problems.add(at(source, t.getValueNode(), path + "." + key.get(), "expected a single value"));
      } else {
        fields.put(key.get(), t.getValueNode());
      }
    }
    int before = problems.size();
    Optional<String> purl = Optional.ofNullable(fields.get("purl")).flatMap(SupportFileReader::scalar);
    Optional<String> name = Optional.ofNullable(fields.get("name")).flatMap(SupportFileReader::scalar);
    Optional<String> version = Optional.ofNullable(fields.get("version")).flatMap(SupportFileReader::scalar);
    if (purl.isPresent() == name.isPresent()) {
      problems.add(at(source, node, path, "name the component by either purl or name (+ version), not "
          + (purl.isPresent() ? "both" : "neither")));
    }
    if (purl.isPresent() && version.isPresent()) {
      problems.add(at(source, fields.get("version"), path + ".version", "a purl carries its own version; drop 'version'"));
    }
    purl.flatMap(SbomComponent::purlProblem).ifPresent(p -> problems.add(at(source, fields.get("purl"), path + ".purl", p)));
    SupportLevel level = null;
    Node support = fields.get("support");
    if (support == null) {
      problems.add(at(source, node, path + ".support", "missing; expected supported, maintenance, end-of-life or unknown"));
    } else {
      String value = scalar(support).orElse("");
      try {
        level = SupportLevel.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        problems.add(at(source, support, path + ".support",
            "'" + value + "' is not a support level; expected supported, maintenance, end-of-life or unknown"));
      }
    }
    Optional<LocalDate> end = Optional.empty();
    Node endNode = fields.get("endOfSupport");
    if (endNode != null) {
      String value = scalar(endNode).orElse("");
      try {
        end = Optional.of(LocalDate.parse(value));
      } catch (DateTimeParseException e) {
        problems.add(at(source, endNode, path + ".endOfSupport", "'" + value + "' is not a date; expected YYYY-MM-DD"));
      }
    }
    if (problems.size() > before || level == null) {
      return;
    }
    String key = purl.orElseGet(() -> version.map(v -> name.get() + "@" + v).orElse(name.get()));
    if (out.putIfAbsent(key, new SupportInfo(level, end)) != null) {
      problems.add(at(source, node, path, "'" + key + "' is already listed above"));
    }
  }

  private static Node compose(String text, String source) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(source)
        .setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(10)
        .setCodePointLimit((int) MAX_BYTES)
        .build();
    try {
      // A first pass over the event stream (iterative) bounds the depth before the recursive composer runs.
      int depth = 0;
      for (Event e : new Parse(settings).parseString(text)) {
        switch (e.getEventId()) {
          case MappingStart, SequenceStart -> {
            if (++depth > MAX_DEPTH) {
              throw new InvalidInputException(new Problem(source, line(e.getStartMark()), column(e.getStartMark()), "",
                  "nesting deeper than " + MAX_DEPTH + " levels; a support file is three levels deep", Optional.empty()));
            }
          }
          case MappingEnd, SequenceEnd -> depth--;
          default -> { }
        }
      }
      return new Compose(settings).composeString(text)
          .orElseThrow(() -> Inputs.fail(source, "the file is empty; expected 'components:' and a list"));
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> m = e.getProblemMark().or(e::getContextMark);
      throw new InvalidInputException(new Problem(source, line(m), column(m), "",
          "not valid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()), Optional.empty()));
    } catch (YamlEngineException e) {
      throw Inputs.fail(source, "not valid YAML: " + e.getMessage());
    }
  }

  private static Optional<String> scalar(Node node) {
    return node instanceof ScalarNode s && !s.getValue().isBlank() ? Optional.of(s.getValue()) : Optional.empty();
  }

  private static Problem at(String source, Node node, String field, String message) {
    return new Problem(source, line(node.getStartMark()), column(node.getStartMark()), field, message, Optional.empty());
  }

  private static int line(Optional<Mark> m) {
    return m.map(x -> x.getLine() + 1).orElse(0);
  }

  private static int column(Optional<Mark> m) {
    return m.map(x -> x.getColumn() + 1).orElse(0);
  }
}
