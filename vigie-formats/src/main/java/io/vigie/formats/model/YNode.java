package io.vigie.formats.model;

import java.util.List;

/**
 * A YAML node with its position (1-based line and column), the minimal tree the model reader
 * walks. Our own type rather than snakeyaml's {@code Node} because we build it from the event
 * stream ourselves, with limits the composer lacks (see {@link YamlTree}).
 */
sealed interface YNode permits YNode.Scalar, YNode.Seq, YNode.Map {
  int line();

  int column();

  /** What the node is, in words for an error message ("a list", "a mapping", "text"). */
  String kind();

  record Scalar(String value, boolean plain, int line, int column) implements YNode {
    @Override
    public String kind() {
      return plain && value.isEmpty() ? "nothing (null)" : "a single value";
    }

    /** A plain {@code ~}, {@code null} or empty value: YAML's null. */
    boolean isNull() {
      return plain && (value.isEmpty() || value.equals("~") || value.equals("null") || value.equals("Null") || value.equals("NULL"));
    }
  }

  record Seq(List<YNode> items, int line, int column) implements YNode {
    @Override
    public String kind() {
      return "a list";
    }
  }

  record Entry(Scalar key, YNode value) {}

  record Map(List<Entry> entries, int line, int column) implements YNode {
    @Override
    public String kind() {
      return "a mapping";
    }
  }
}
