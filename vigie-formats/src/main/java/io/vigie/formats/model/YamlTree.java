package io.vigie.formats.model;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Builds a {@link YNode} tree from snakeyaml-engine's event stream, refusing hostile input
 * cleanly. snakeyaml's parser is an explicit state machine, but its composer recurses once per
 * nesting level and has no depth limit, so a file of 100,000 opening brackets would overflow the
 * stack; building the tree here with our own stack bounds the depth. Aliases are resolved by
 * sharing the anchored node (no copy), and their number is bounded, so an alias bomb costs
 * neither memory nor time.
 */
final class YamlTree {
  /** A device model is at most six levels deep; 64 leaves room for hand-written extras. */
  static final int MAX_DEPTH = 64;

  static final int MAX_ALIASES = 100;

  private YamlTree() {}

  /** Parses one YAML document; an empty document gives {@code Optional.empty()}. */
  static Optional<YNode> parse(String text, String source) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(source)
        .setAllowDuplicateKeys(false)
        .setCodePointLimit(Integer.MAX_VALUE) // the reader bounds the file size before this
        .build();
    Builder b = new Builder(source);
    try {
      for (Event e : new Parse(settings).parseString(text)) {
        b.accept(e);
      }
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (what.contains("mapping values are not allowed here")) {
        // The mistake behind this message is almost always an unquoted ": " inside a value.
        what += " (a ': ' inside an unquoted value starts a new key: put the value in quotes)";
      }
      String context = e.getContext() != null ? e.getContext() + ": " : "";
      throw new InvalidInputException(new Problem(source, m == null ? 0 : m.getLine() + 1,
          m == null ? 0 : m.getColumn() + 1, "", "not valid YAML: " + context + what, Optional.empty()));
    } catch (YamlEngineException e) {
      throw new InvalidInputException(new Problem(source, 0, 0, "", "not valid YAML: " + e.getMessage(), Optional.empty()));
    }
    return b.root();
  }

  private static final class Builder {
    private final String source;
    private final Deque<Open> stack = new ArrayDeque<>();
    private final java.util.Map<String, YNode> anchors = new HashMap<>();
    private YNode root;
    private int documents;
    private int aliases;

    Builder(String source) {
      this.source = source;
    }

    /** A collection being filled: items of a list, or alternating keys and values of a mapping. */
    private static final class Open {
      final boolean mapping;
      final List<YNode> items = new ArrayList<>();
      final int line;
      final int column;
      final Optional<String> anchor;

      Open(boolean mapping, int line, int column, Optional<String> anchor) {
        this.mapping = mapping;
        this.line = line;
        this.column = column;
        this.anchor = anchor;
      }
    }

    void accept(Event e) {
      switch (e.getEventId()) {
        case DocumentStart:
          documents++;
          if (documents > 1) {
            throw fail(e, "the file holds several YAML documents (separated by '---'); a device model is one document");
          }
          break;
        case SequenceStart:
        case MappingStart:
          if (stack.size() >= MAX_DEPTH) {
            throw fail(e, "nesting deeper than " + MAX_DEPTH + " levels; a device model is at most a few levels deep");
          }
          boolean mapping = e instanceof MappingStartEvent;
          Optional<String> anchor = mapping ? ((MappingStartEvent) e).getAnchor().map(Object::toString)
              : ((SequenceStartEvent) e).getAnchor().map(Object::toString);
          stack.push(new Open(mapping, line(e), column(e), anchor));
          break;
        case SequenceEnd:
        case MappingEnd:
          close();
          break;
        case Scalar:
          ScalarEvent s = (ScalarEvent) e;
          YNode scalar = new YNode.Scalar(s.getValue(), s.getScalarStyle() == ScalarStyle.PLAIN, line(e), column(e));
          s.getAnchor().ifPresent(a -> anchors.put(a.toString(), scalar));
          add(scalar);
          break;
        case Alias:
          if (++aliases > MAX_ALIASES) {
            throw fail(e, "more than " + MAX_ALIASES + " aliases (*name); refusing what looks like an alias bomb");
          }
          String name = ((AliasEvent) e).getAlias().toString();
          YNode target = anchors.get(name);
          if (target == null) {
            throw fail(e, "alias *" + name + " refers to no anchor &" + name + " declared before it");
          }
          add(target);
          break;
        default:
          break;
      }
    }

    private void close() {
      Open o = stack.pop();
      YNode node;
      if (o.mapping) {
        List<YNode.Entry> entries = new ArrayList<>(o.items.size() / 2);
        for (int i = 0; i + 1 < o.items.size(); i += 2) {
          YNode key = o.items.get(i);
          if (!(key instanceof YNode.Scalar k)) {
            throw new InvalidInputException(new Problem(source, key.line(), key.column(), "",
                "a mapping key must be a single value, found " + key.kind(), Optional.empty()));
          }
          entries.add(new YNode.Entry(k, o.items.get(i + 1)));
        }
        node = new YNode.Map(List.copyOf(entries), o.line, o.column);
      } else {
        node = new YNode.Seq(List.copyOf(o.items), o.line, o.column);
      }
      o.anchor.ifPresent(a -> anchors.put(a, node));
      add(node);
    }

    private void add(YNode node) {
      if (stack.isEmpty()) {
        root = node;
      } else {
        stack.peek().items.add(node);
      }
    }

    Optional<YNode> root() {
      return Optional.ofNullable(root);
    }

    private InvalidInputException fail(Event e, String message) {
      return new InvalidInputException(new Problem(source, line(e), column(e), "", message, Optional.empty()));
    }

    // Read from the mark without Optional.map: a boxed Integer and an Optional per event of a
    // 1.2 MB model are tens of megabytes of garbage.
    private static int line(Event e) {
      Mark m = e.getStartMark().orElse(null);
      return m == null ? 0 : m.getLine() + 1;
    }

    private static int column(Event e) {
      Mark m = e.getStartMark().orElse(null);
      return m == null ? 0 : m.getColumn() + 1;
    }
  }

}
