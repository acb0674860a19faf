package io.vigie.formats.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Where fields of an already valid model sit in its YAML text, for errors found after reading it
 * (an SBOM file the model names that does not exist): the model records carry no positions.
 */
public final class ModelPositions {
  /** A 1-based line and column. */
  public record Position(int line, int column) {}

  private ModelPositions() {}

  /** The position of each component's {@code sbom:} value, by component ID. */
  public static Map<String, Position> componentSboms(String yaml, String source) {
    Map<String, Position> out = new HashMap<>();
    YamlTree.parse(yaml, source).ifPresent(root -> {
      if (!(root instanceof YNode.Map top)) {
        return;
      }
      for (YNode.Entry e : top.entries()) {
        if (e.key().value().equals("components") && e.value() instanceof YNode.Seq components) {
          for (YNode item : components.items()) {
            if (item instanceof YNode.Map c) {
              String id = null;
              Position sbom = null;
              for (YNode.Entry f : c.entries()) {
                if (f.key().value().equals("id") && f.value() instanceof YNode.Scalar s) {
                  id = s.value();
                } else if (f.key().value().equals("sbom")) {
                  sbom = new Position(f.value().line(), f.value().column());
                }
              }
              if (id != null && sbom != null) {
                out.put(id, sbom);
              }
            }
          }
        }
      }
    });
    return Map.copyOf(out);
  }
}
