package io.vigie.formats.model;

import io.vigie.core.model.Names;
import io.vigie.core.validation.Problem;
import io.vigie.core.validation.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One pass over a YAML tree that reads typed fields, collects every problem with its position
 * instead of stopping at the first, and remembers where each field path is in the file so that
 * problems found later by the core (which knows paths, not positions) can be located too.
 * Not thread-safe: one instance per file.
 *
 * <p>Remembering positions costs a path string and a map entry per field (about 100,000 for a
 * 1,000-component model) that only a model with structural problems ever reads: a walk made
 * without {@code positions} skips it, and the reader walks the tree again with them to locate such
 * problems. The walk is a deterministic function of the tree, so the second one remembers exactly
 * what a single walk with positions would have.
 */
final class Walk {
  /** After this many problems the rest are noise: the user fixes these and runs again. */
  static final int MAX_PROBLEMS = 100;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

  private final String source;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, int[]> positions = new HashMap<>();
  private final boolean remembering;

  /** A walk that remembers where each field is, for {@link #locate}. */
  Walk(String source) {
    this(source, true);
  }

  /** {@code positions} false: {@link #locate} is not used, nothing is remembered. */
  Walk(String source, boolean positions) {
    this.source = source;
    this.remembering = positions;
  }

  List<Problem> problems() {
    return problems;
  }

  void problem(YNode at, String path, String message) {
    problem(at, path, message, Optional.empty());
  }

  void problem(YNode at, String path, String message, Optional<String> suggestion) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(source, at.line(), at.column(), path, message, suggestion));
    }
  }

  void remember(String path, YNode node) {
    if (remembering) {
      positions.put(path, new int[] {node.line(), node.column()});
    }
  }

  /**
   * Gives a path-only problem the position of its field, or of the nearest enclosing element
   * ({@code flows[3].assets[1]}, else {@code flows[3].assets}, else {@code flows[3]}).
   */
  Problem locate(Problem p) {
    if (!remembering) {
      throw new IllegalStateException("a walk without positions cannot locate problems");
    }
    String path = p.field();
    while (!path.isEmpty()) {
      int[] pos = positions.get(path);
      if (pos != null) {
        return p.located(source, pos[0], pos[1]);
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut < 0 ? "" : path.substring(0, cut);
    }
    return p.located(source, 0, 0);
  }

  /** Fields of one mapping, checked against the keys its element allows. */
  Fields fields(YNode node, String path, Set<String> allowed) {
    return new Fields(node, path, allowed);
  }

  final class Fields {
    /** The path, made on first use (most fields of a valid model never need it), from these. */
    private String path;
    private final Fields parent;
    private final String key;
    private final int index;
    private final Map<String, YNode.Entry> entries = new HashMap<>();
    private final YNode node;
    /** Not a mapping at all: one problem says so, and its fields are not reported as missing. */
    private final boolean broken;

    Fields(YNode node, String path, Set<String> allowed) {
      this(node, path, null, null, -1, allowed, false);
    }

    /**
     * {@code path} or, when it is null, {@code parent}'s child {@code keyInParent} (item {@code index} of
     * it when not negative). {@code insideBroken}: the enclosing node was already reported; stay
     * silent.
     */
    private Fields(YNode node, String path, Fields parent, String keyInParent, int index, Set<String> allowed, boolean insideBroken) {
      this.node = node;
      this.path = path;
      this.parent = parent;
      this.key = keyInParent;
      this.index = index;
      if (remembering) {
        remember(path(), node);
      }
      if (insideBroken) {
        broken = true;
        return;
      }
      if (!(node instanceof YNode.Map map)) {
        problem(node, path(), "expected a mapping (key: value lines), found " + node.kind());
        broken = true;
        return;
      }
      broken = false;
      for (YNode.Entry e : map.entries()) {
        String key = e.key().value();
        YNode.Entry first = entries.putIfAbsent(key, e);
        if (first != null) {
          problem(e.key(), child(key), "duplicate key '" + key + "': already set on line " + first.key().line());
        } else if (!allowed.contains(key)) {
          problem(e.key(), child(key), "unknown field '" + key + "'; expected one of: " + String.join(", ", sorted(allowed)),
              Suggestions.closest(key, allowed));
        }
      }
    }

    private String child(String key) {
      String path = path();
      return path.isEmpty() ? key : path + "." + key;
    }

    YNode node() {
      return node;
    }

    String path() {
      if (path == null) {
        path = index < 0 ? parent.child(key) : parent.child(key) + "[" + index + "]";
      }
      return path;
    }

    private Optional<YNode> value(String key, boolean required) {
      YNode.Entry e = entries.get(key);
      if (e == null || e.value() instanceof YNode.Scalar s && s.isNull()) {
        if (required && !broken) {
          problem(e == null ? node : e.value(), child(key), "missing required field '" + key + "'");
        }
        return Optional.empty();
      }
      if (remembering) {
        remember(child(key), e.value());
      }
      return Optional.of(e.value());
    }

    private Optional<String> scalar(String key, boolean required, String expected) {
      return scalar(key, required, () -> expected);
    }

    /** {@code expected} is made only for a problem (an enumeration's is a list of its words). */
    private Optional<String> scalar(String key, boolean required, java.util.function.Supplier<String> expected) {
      return value(key, required).flatMap(v -> {
        if (v instanceof YNode.Scalar s) {
          return Optional.of(s.value());
        }
        problem(v, child(key), "expected " + expected.get() + ", found " + v.kind());
        return Optional.empty();
      });
    }

    String text(String key) {
      return scalar(key, true, "text").orElse("");
    }

    String text(String key, String fallback) {
      return scalar(key, false, "text").orElse(fallback);
    }

    Optional<String> optText(String key) {
      return scalar(key, false, "text");
    }

    String id(String key) {
      String id = text(key);
      if (!id.isEmpty() && !ID.matcher(id).matches()) {
        problem(entries.get(key).value(), child(key), "'" + id + "' is not a valid ID: use letters, digits and . _ : - (no spaces, no @ or +), starting with a letter or digit");
      }
      return id;
    }

    boolean bool(String key, boolean fallback) {
      Optional<String> v = scalar(key, false, "true or false");
      if (v.isEmpty()) {
        return fallback;
      }
      if (v.get().equals("true")) {
        return true;
      }
      if (v.get().equals("false")) {
        return false;
      }
      problem(entries.get(key).value(), child(key), "expected true or false, found '" + v.get() + "'");
      return fallback;
    }

    <E extends Enum<E>> E enumeration(String key, Class<E> type) {
      return optEnumeration(key, type, true).orElse(type.getEnumConstants()[0]);
    }

    <E extends Enum<E>> E enumeration(String key, Class<E> type, E fallback) {
      return optEnumeration(key, type, false).orElse(fallback);
    }

    <E extends Enum<E>> Optional<E> optEnumeration(String key, Class<E> type) {
      return optEnumeration(key, type, false);
    }

    private <E extends Enum<E>> Optional<E> optEnumeration(String key, Class<E> type, boolean required) {
      return scalar(key, required, () -> "one of " + String.join(", ", Names.all(type)))
          .flatMap(word -> parseEnum(entries.get(key).value(), () -> child(key), word, type));
    }

    private <E extends Enum<E>> Optional<E> parseEnum(YNode at, java.util.function.Supplier<String> where, String word, Class<E> type) {
      Optional<E> e = Names.parse(type, word);
      if (e.isEmpty()) {
        List<String> all = Names.all(type);
        problem(at, where.get(), "'" + word + "' is not allowed here; expected one of: " + String.join(", ", all),
            Suggestions.closest(word, all));
      }
      return e;
    }

    private List<YNode> items(String key) {
      Optional<YNode> v = value(key, false);
      if (v.isEmpty()) {
        return List.of();
      }
      if (v.get() instanceof YNode.Seq s) {
        return s.items();
      }
      problem(v.get(), child(key), "expected a list (lines starting with '- ', or [a, b]), found " + v.get().kind());
      return List.of();
    }

    List<String> texts(String key) {
      List<YNode> items = items(key);
      List<String> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        YNode item = items.get(i);
        if (remembering) {
          remember(child(key) + "[" + i + "]", item);
        }
        if (item instanceof YNode.Scalar s && !s.isNull()) {
          out.add(s.value());
        } else {
          problem(item, child(key) + "[" + i + "]", "expected a single value, found " + item.kind());
        }
      }
      return out;
    }

    List<Integer> integers(String key) {
      List<String> words = texts(key);
      List<YNode> items = items(key);
      List<Integer> out = new ArrayList<>(words.size());
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i).replaceFirst("^(?i)(CWE|CAPEC)-", "");
        try {
          out.add(Integer.parseInt(w));
        } catch (NumberFormatException e) {
          problem(items.get(i), child(key) + "[" + i + "]", "expected a number (e.g. 79 or CWE-79), found '" + words.get(i) + "'");
        }
      }
      return out;
    }

    <E extends Enum<E>> List<E> enumerations(String key, Class<E> type) {
      List<YNode> items = items(key);
      List<E> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        YNode item = items.get(i);
        if (remembering) {
          remember(child(key) + "[" + i + "]", item);
        }
        if (item instanceof YNode.Scalar s) {
          int at = i;
          parseEnum(item, () -> child(key) + "[" + at + "]", s.value(), type).ifPresent(out::add);
        } else {
          problem(item, child(key) + "[" + i + "]", "expected one of " + String.join(", ", Names.all(type)) + ", found " + item.kind());
        }
      }
      return out;
    }

    /** A list of mappings, each read by {@code each} from its own {@link Fields}. */
    <T> List<T> list(String key, Set<String> allowed, Function<Fields, T> each) {
      List<YNode> items = items(key);
      List<T> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        out.add(each.apply(new Fields(items.get(i), null, this, key, i, allowed, false)));
      }
      return out;
    }

    Fields mapping(String key, Set<String> allowed) {
      Optional<YNode> v = value(key, true);
      return new Fields(v.orElse(new YNode.Map(List.of(), node.line(), node.column())), null, this, key, -1, allowed, broken);
    }

    boolean has(String key) {
      return entries.containsKey(key);
    }
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
