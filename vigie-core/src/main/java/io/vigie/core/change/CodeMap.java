package io.vigie.core.change;

import io.vigie.core.model.Component;
import io.vigie.core.model.DeviceModel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which components a source file belongs to, through the components' {@code code} globs.
 * Globs follow the git-ignore dialect users know: {@code *} within one path segment, {@code **}
 * across segments, {@code ?} one character, {@code [abc]} a set; paths use '/' and are relative to
 * the repository root. Compiled once to regular expressions, and indexed by their literal prefix:
 * a path is only tried against the globs whose fixed start it begins with (one hash look-up per
 * distinct prefix length) and the globs with no fixed start, so 10,000 files against 1,000
 * components cost about 10,000 regex calls instead of ten million prefix checks. Hand-written because java.nio's PathMatcher depends on the platform's file system,
 * and matching must give the same answer on every CI machine.
 */
public final class CodeMap {
  private record Entry(String component, String prefix, Pattern pattern) {}

  private final List<Entry> entries = new ArrayList<>();
  /** Entry positions by literal prefix; the prefix lengths that occur, to look them up. */
  private final Map<String, List<Integer>> byPrefix = new HashMap<>();
  private final TreeSet<Integer> prefixLengths = new TreeSet<>();
  /** Entries with no literal prefix: tried on every path. */
  private final List<Integer> unanchored = new ArrayList<>();

  private CodeMap() {}

  private void add(Entry e) {
    int position = entries.size();
    entries.add(e);
    if (e.prefix.isEmpty()) {
      unanchored.add(position);
    } else {
      byPrefix.computeIfAbsent(e.prefix, k -> new ArrayList<>()).add(position);
      prefixLengths.add(e.prefix.length());
    }
  }

  public static CodeMap of(DeviceModel model) {
    CodeMap map = new CodeMap();
    for (Component c : model.components()) {
      for (String glob : c.code()) {
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        map.add(new Entry(c.id(), literalPrefix(g), compile(g)));
      }
    }
    return map;
  }

  /** IDs of the components whose globs match the path, in model order, without repeats. */
  public List<String> componentsOf(String path) {
    // The candidates, in entry (model) order: the answer must not depend on the index.
    BitSet candidates = new BitSet(entries.size());
    unanchored.forEach(candidates::set);
    for (int length : prefixLengths) {
      if (length > path.length()) {
        break;
      }
      List<Integer> same = byPrefix.get(path.substring(0, length));
      if (same != null) {
        same.forEach(candidates::set);
      }
    }
    List<String> out = new ArrayList<>(2);
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      Entry e = entries.get(i);
      if (e.pattern.matcher(path).matches() && !out.contains(e.component)) {
        out.add(e.component);
      }
    }
    return out;
  }

  /** The fixed start of an anchored glob; empty for one that matches in any folder. */
  private static String literalPrefix(String glob) {
    if (glob.indexOf('/') < 0 || glob.indexOf('/') == glob.length() - 1) {
      return "";
    }
    int i = 0;
    while (i < glob.length() && "*?[{\\".indexOf(glob.charAt(i)) < 0) {
      i++;
    }
    return glob.substring(0, i);
  }

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    // A glob with no '/' matches the name in any folder, as in .gitignore; "dir/" matches below it.
    if (glob.indexOf('/') < 0 || glob.indexOf('/') == glob.length() - 1) {
      re.append("(?:.*/)?");
    }
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
          re.append(slashAfter ? "(?:.*/)?" : ".*");
          i += slashAfter ? 3 : 2;
          continue;
        }
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int end = glob.indexOf(']', i + 1);
        if (end < 0) {
          re.append("\\[");
        } else {
          String set = glob.substring(i + 1, end).replace("\\", "\\\\");
          re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
          i = end;
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    if (glob.endsWith("/")) {
      re.append(".*");
    }
    return Pattern.compile(re.toString());
  }
}
